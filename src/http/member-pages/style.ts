/** The member pages' only stylesheet (no inline styles: the CSP forbids them). Large text and tap targets for phones. */
export const memberPagesCss = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:20px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f6f6f4;overflow-wrap:anywhere}
header{background:#a50e0e;color:#fff;padding:.7rem 1rem;font-weight:700}
main{padding:1rem;max-width:640px;margin:0 auto}
h1{font-size:1.5rem;margin:.2rem 0 .8rem;line-height:1.3}
h2{font-size:1.2rem;margin:1.2rem 0 .5rem}
p{margin:.6rem 0}
.muted{color:#555;font-size:1rem}
.notice{background:#fff3cd;border:1px solid #e0c36c;border-radius:8px;padding:.8rem}
.ok{background:#e6f4ea;border:1px solid #8cc59a;border-radius:8px;padding:.8rem}
.bad{background:#fdecea;border:1px solid #e5a39c;border-radius:8px;padding:.8rem}
.question{font-weight:600;font-size:1.25rem}
form{margin:.8rem 0}
.options{display:grid;gap:.7rem}
button,.button{display:block;width:100%;min-height:3.2rem;font:inherit;padding:.7rem 1rem;border-radius:10px;border:2px solid #a50e0e;background:#fff;color:#a50e0e;text-align:left;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:#a50e0e;color:#fff;text-align:center;font-weight:700}
fieldset{border:0;padding:0;margin:0;min-width:0}
legend{padding:0;margin-bottom:.4rem}
label.choice{display:flex;gap:.7rem;align-items:center;min-height:3.2rem;padding:.6rem .9rem;border:2px solid #bbb;border-radius:10px;background:#fff}
label.choice input{width:1.6rem;height:1.6rem;flex:none}
textarea{display:block;width:100%;min-height:6rem;font:inherit;padding:.6rem;border:2px solid #bbb;border-radius:10px}
label.field{display:block;margin:.6rem 0 .3rem;font-weight:600}
ul.summary{padding-left:1.2rem}
ul.summary li{margin:.5rem 0}
.ref{color:#555;font-size:.95rem}
dl{margin:.6rem 0}
dt{font-weight:600}
dd{margin:0 0 .5rem}
`;
