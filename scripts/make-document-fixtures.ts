// Writes the .docx and .pdf fixtures used by the document import tests from one
// short Vietnamese plan written for the tests. Run: npx tsx scripts/make-document-fixtures.ts
// The PDF needs a font with Vietnamese glyphs: Debian's fonts-dejavu-core.
import { createWriteStream, writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

const lines = [
  'ĐẢNG BỘ TỈNH HÒA AN',
  'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH',
  'Số 17-KH/ĐUK',
  'Hòa An, ngày 05 tháng 3 năm 2024',
  'KẾ HOẠCH',
  'thực hiện chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024',
  'Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Nâng cao nhận thức của cán bộ, đảng viên về nội dung chuyên đề năm 2024.',
  '2. Phấn đấu 100% đảng viên xây dựng kế hoạch học tập và làm theo Bác trước ngày 30/4/2024.',
  'II. NỘI DUNG',
  '1. Tổ chức sinh hoạt chuyên đề ở các chi bộ ít nhất mỗi quý một lần.',
  'Thời gian hoàn thành: trước ngày 30/6/2024.',
  '2. Ban Tuyên giáo Đảng ủy Khối chủ trì hướng dẫn, theo dõi việc thực hiện.',
  'Nơi nhận:',
  '- Các chi bộ, đảng bộ cơ sở,',
  '- Lưu Văn phòng.',
  'T/M BAN THƯỜNG VỤ',
  'PHÓ BÍ THƯ',
  'Trần Văn Mười',
];

const dir = 'test/fixtures';

async function main() {
  const doc = new Document({
    sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  writeFileSync(`${dir}/ke-hoach-17.docx`, await Packer.toBuffer(doc));

  const pdf = new PDFDocument({ size: 'A4', margin: 50 });
  pdf.pipe(createWriteStream(`${dir}/ke-hoach-17.pdf`));
  pdf.font('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf').fontSize(11);
  for (const text of lines) pdf.text(text);
  pdf.end();
}

void main();
