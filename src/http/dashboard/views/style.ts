/** The dashboard's only stylesheet, served from /dashboard/assets/style.css (no inline styles: the CSP forbids them). */
export const dashboardCss = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f6f6f4}
header{background:#a50e0e;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header .brand{font-weight:700;margin-right:auto}
header form{margin:0}
header button{background:transparent;color:#fff;border:1px solid #fff;border-radius:4px;padding:.2rem .6rem;font:inherit;cursor:pointer}
nav{display:flex;flex-wrap:wrap;gap:.25rem;padding:.5rem 1rem;background:#fff;border-bottom:1px solid #ddd}
nav a{padding:.35rem .7rem;border-radius:4px;color:#333;text-decoration:none}
nav a[aria-current=page]{background:#a50e0e;color:#fff}
main{padding:1rem;max-width:1200px;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.crumbs{font-size:.95rem;margin-bottom:.5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:.75rem}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem}
.card .value{font-size:1.6rem;font-weight:700}
.card .label{color:#555;font-size:.95rem}
.card .detail{color:#777;font-size:.85rem}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #ddd;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{padding:.45rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th a{color:inherit}
td.num{text-align:right;white-space:nowrap}
th.num{text-align:right}
.exports{margin:.3rem 0 0;font-size:.9rem}
.exports a{margin-right:1rem}
.bad{color:#a50e0e;font-weight:600}
.good{color:#1a7f37;font-weight:600}
.chart{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem;max-width:100%;margin:1rem 0}
.chart svg{width:100%;height:auto}
.chart .bar{fill:#a50e0e}
.chart .axis{stroke:#999}
.chart text{font-size:11px;fill:#333}
.notice{background:#fff3cd;border:1px solid #e0c36c;border-radius:6px;padding:.75rem}
form.inline{display:inline}
form.stack{display:grid;grid-template-columns:minmax(0,1fr);gap:.6rem;max-width:640px;background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem}
form.stack label{display:grid;grid-template-columns:minmax(0,1fr);gap:.2rem}
select,input,button{font:inherit;padding:.35rem;max-width:100%}
button.primary{background:#a50e0e;color:#fff;border:0;border-radius:4px;padding:.5rem 1rem;cursor:pointer}
.summary li{margin:.3rem 0}
.tag{font-size:.8rem;color:#555}
@media (max-width:600px){main{padding:.6rem}th,td{padding:.35rem}.chart{overflow-x:auto}.chart svg{min-width:520px}}
`;
