// Callback data carries everything a tap needs (≤ 64 bytes), so any process can handle it.
export const callbackData = {
  consentYes: (code: string) => `consent:yes:${code}`,
  consentNo: 'consent:no',
  unlinkAsk: 'me:unlink',
  unlinkYes: 'me:unlink:yes',
  unlinkNo: 'me:unlink:no',
};

export const consentYesPattern = /^consent:yes:([A-Z2-9]{10})$/;
