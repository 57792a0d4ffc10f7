import Crypto
import Foundation

/// CTIP's one stylesheet: every page links it, none carries a style of its own (so the Content
/// Security Policy needs no `'unsafe-inline'`). Served as a file named by its content hash, so a
/// browser keeps it for a year and a changed stylesheet is a new name — no stale styles after a release.
///
/// Colours are custom properties with a dark set for `prefers-color-scheme: dark`; every pair of text
/// and background meets WCAG AA (4.5:1, the browser suite's axe-core run checks both schemes).
/// Japanese text gets a taller line and phrase-aware line breaking.
enum Stylesheet {
    /// `/assets/ctip.<first 16 hex digits of SHA-256>.css`
    static let path = "/assets/\(fileName)"
    static let fileName = "ctip.\(hash).css"
    static let hash: String = SHA256.hash(data: Data(css.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()

    static let css = """
    :root{color-scheme:light dark;
    --text:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--surface:#f3f4f6;--border:#8a8f98;--rule:#d0d3d8;
    --link:#0b4f9c;--link-visited:#5a2d8c;--accent:#0b4f9c;--on-accent:#fff;
    --danger:#8a1116;--danger-bg:#fdecea;--danger-strong:#a4161a;--on-danger:#fff;
    --warn-bg:#fff4ce;--warn-border:#8a6100;--ok:#1e6b2e;--ok-bg:#eaf5ec;--secret-bg:#fff4e0;--secret-border:#b35900;
    --focus:#ffbf47;--focus-ring:#0b0c0c;
    --font:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","BIZ UDPGothic","Yu Gothic UI",Meiryo,"Noto Sans CJK JP","Noto Sans JP","Noto Sans Thai","Noto Sans",sans-serif;
    --mono:ui-monospace,"SFMono-Regular",Menlo,Consolas,"BIZ UDGothic",monospace}
    @media (prefers-color-scheme:dark){:root{
    --text:#ececec;--muted:#c2c2c2;--bg:#121417;--surface:#1e2126;--border:#8d939c;--rule:#3a3f47;
    --link:#8cc4ff;--link-visited:#d0b3ff;--accent:#8cc4ff;--on-accent:#0b1b2e;
    --danger:#ffb3b3;--danger-bg:#3b1416;--danger-strong:#ff8a8a;--on-danger:#1a0506;
    --warn-bg:#3a3000;--warn-border:#e0b84a;--ok:#8fdc9d;--ok-bg:#12301a;--secret-bg:#3a2506;--secret-border:#ffb15c}}
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;font-family:var(--font);font-size:1.0625rem;line-height:1.6;color:var(--text);background:var(--bg);overflow-wrap:break-word}
    :lang(ja){line-height:1.8;word-break:auto-phrase;line-break:strict}
    :lang(ja) h1,:lang(ja) h2,:lang(ja) h3{font-feature-settings:"palt";letter-spacing:.02em}
    :lang(th){line-height:1.9}
    a{color:var(--link);text-underline-offset:.15em}a:visited{color:var(--link-visited)}a:hover{text-decoration-thickness:.15em}
    :focus-visible{outline:3px solid var(--focus);outline-offset:0;box-shadow:0 0 0 6px var(--focus-ring)}
    a:focus-visible{background:var(--focus);color:#0b0c0c;box-shadow:0 4px var(--focus-ring);outline:none;text-decoration:none}
    h1{font-size:1.75rem;line-height:1.3;margin:.5rem 0 1rem}h2{font-size:1.3rem;line-height:1.35;margin:1.75rem 0 .6rem}h3{font-size:1.1rem;margin:1rem 0 .3rem}
    p{margin:.5rem 0}code{font-family:var(--mono);font-size:.9em}
    .wrap{max-width:64rem;margin:0 auto;padding:0 1rem}
    .skip-link{position:absolute;left:-999rem;top:0;padding:.5rem 1rem;background:var(--focus);color:#0b0c0c;z-index:10}
    .skip-link:focus{left:0}
    /* Header: service name, language switch, who is signed in; then the navigation and breadcrumbs. */
    .site-header{background:var(--accent);color:var(--on-accent);border-bottom:4px solid var(--focus-ring)}
    .site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.5rem;padding-top:.5rem;padding-bottom:.5rem}
    .site-header .wrap a,.site-header .wrap a:visited{color:var(--on-accent)}
    .service-name{font-weight:700;font-size:1.25rem;text-decoration:none;margin-right:auto}
    .service-name span{font-weight:400;font-size:.95rem;margin-left:.5rem}
    .language-switch ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.1rem .8rem;font-size:.95rem}
    .language-switch [aria-current]{font-weight:700;text-decoration:none}
    .account{font-size:.9rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
    .account button{background:transparent;color:var(--on-accent);border:1px solid var(--on-accent);border-radius:.25rem;padding:.15rem .6rem;font:inherit;cursor:pointer;min-height:0}
    .primary-nav{background:var(--surface);border-bottom:1px solid var(--rule)}
    .primary-nav ul{list-style:none;margin:0 auto;max-width:64rem;padding:.25rem 1rem;display:flex;flex-wrap:wrap;gap:.15rem 1.25rem}
    .primary-nav a,.primary-nav a:visited{display:inline-block;padding:.3rem 0;font-weight:600;color:var(--link)}
    .primary-nav a[aria-current]{color:var(--text);border-bottom:3px solid var(--accent);text-decoration:none}
    .breadcrumbs ol{list-style:none;margin:.75rem 0 0;padding:0;display:flex;flex-wrap:wrap;font-size:.9rem;color:var(--muted)}
    .breadcrumbs li+li::before{content:"›";margin:0 .5rem;color:var(--muted)}
    main{display:block;padding-bottom:2rem}main:focus{outline:none}
    .site-footer{border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem;padding:1rem 0 2rem}
    .site-footer a{color:var(--link)}.site-footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
    .lead{font-size:1.15rem;color:var(--muted)}
    /* Messages: errors (GOV.UK's error summary), notices, secrets. */
    .error{color:var(--danger);font-weight:600}
    div.error,.error-summary{border:4px solid var(--danger-strong);padding:.75rem 1rem;margin:1rem 0;background:var(--bg)}
    div.error h2{margin-top:0;font-size:1.2rem;color:var(--text)}div.error a{color:var(--danger);font-weight:700}
    .field-error{color:var(--danger);font-weight:700;margin:.25rem 0}
    [aria-invalid=true]{border-color:var(--danger-strong)!important;border-width:3px!important}
    .notice{background:var(--ok-bg);border-left:5px solid var(--ok);padding:.5rem .75rem;margin:1rem 0}
    .help-page .notice,.warning{background:var(--warn-bg);border-left:5px solid var(--warn-border)}
    .secret{background:var(--secret-bg);border-left:5px solid var(--secret-border);padding:.5rem .9rem;margin:1rem 0}
    /* Forms: a label above each control, large targets, buttons that look like buttons. */
    label{display:block;margin-top:.9rem;font-weight:600}
    label.choice,.check label{font-weight:400;margin-top:.3rem}
    input,select,textarea{font:inherit;color:var(--text);background:var(--bg);border:2px solid var(--border);border-radius:0;padding:.4rem .5rem;max-width:100%;min-height:2.5rem}
    input[type=checkbox],input[type=radio]{width:1.3rem;height:1.3rem;min-height:0;margin:0 .4rem 0 0;vertical-align:middle;accent-color:var(--accent)}
    textarea{width:100%}
    button,a.button{display:inline-block;font:inherit;font-weight:700;background:var(--accent);color:var(--on-accent);border:0;border-radius:.3rem;
    padding:.55rem 1.1rem;min-height:2.75rem;margin-top:.75rem;cursor:pointer;text-decoration:none;box-shadow:0 2px 0 var(--focus-ring)}
    a.button:visited{color:var(--on-accent)}
    button:focus-visible{outline:3px solid var(--focus);box-shadow:0 0 0 6px var(--focus-ring)}
    form.inline{display:inline}form.inline button{margin:.2rem .3rem}
    fieldset{margin:1rem 0;border:1px solid var(--rule);padding:.5rem 1rem 1rem}legend{font-weight:700;padding:0 .3rem}
    dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
    /* Tables: numbers aligned, scroll sideways on a phone inside their own region. */
    table{border-collapse:collapse;width:100%;margin:1rem 0}
    caption{text-align:left;font-weight:700;padding:.25rem 0}
    th,td{border-bottom:1px solid var(--rule);padding:.35rem .6rem;text-align:left;vertical-align:top}
    thead th{border-bottom:2px solid var(--border)}
    td.number,.figures td{text-align:right;font-variant-numeric:tabular-nums}
    .scroll{overflow-x:auto}
    /* A register's rows: codes and numbers on one line, the texts (titles, sources) wrapped in a column of their own width. */
    table.register{width:max-content;min-width:100%}table.register td{white-space:nowrap}table.register td.long{white-space:normal;min-width:16rem;max-width:28rem}
    /* The public home: the emergency numbers first. */
    .subtitle{margin-top:.25rem;color:var(--muted)}
    .emergency{background:var(--danger-bg);border:2px solid var(--danger-strong);border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
    .emergency h2{color:var(--danger);margin-top:.25rem}.emergency ul{list-style:none;padding:0;margin:0}.emergency li{margin:.35rem 0}
    a.phone{font-size:1.25rem;font-weight:700;margin-right:.75rem;color:var(--danger)}
    .call,.call:visited{display:inline-block;min-width:4.5rem;text-align:center;background:var(--danger-strong);color:var(--on-danger);font-weight:700;font-size:1.4rem;border-radius:.4rem;padding:.1rem .6rem;text-decoration:none}
    .channels{padding-left:1.2rem}.channels li{margin-bottom:.6rem}.channels p{margin:.1rem 0 .6rem;color:var(--muted)}
    /* Help finder and hot lines (public): one column, thumb-sized controls. */
    .narrow{max-width:44rem}
    .ask{margin:1rem 0;display:grid;gap:.75rem}.ask label{margin-top:0}
    .ask select,.ask button,.ask input:not([type=checkbox]):not([type=radio]),.ask textarea{width:100%}
    .check{display:flex;gap:.5rem;align-items:flex-start}.check input{margin-top:.25rem}
    .services{list-style:none;padding:0}.services li{border:1px solid var(--rule);border-radius:.5rem;padding:.6rem .75rem;margin:.6rem 0}
    .services p{margin:.25rem 0}.name-ja{color:var(--muted);font-size:.9rem}
    .status{font-weight:700}.status.open{color:var(--ok)}.status.closed{color:var(--danger)}.status.unknown{color:var(--muted)}
    .phones .phone,.services .phone{font-size:1.15rem;font-weight:700;white-space:nowrap}
    .hours,.note,.facts,.time{font-size:.95rem;color:var(--muted)}
    .url{overflow-wrap:anywhere;font-size:.9rem}
    ul.plain{list-style:none;padding:0;margin:0}code.hash{overflow-wrap:anywhere;font-size:.8rem}
    .credentials dd{font-family:var(--mono);font-size:1.6rem;font-weight:700;margin:0 0 .75rem;letter-spacing:.05em}
    .facts dt{font-weight:600}.facts dd{margin:0 0 .5rem}.messages li{margin:.4rem 0;white-space:pre-wrap}
    /* Staff: the work queues of the home page, the hot lines' tables. */
    section.queue{border-left:5px solid var(--accent);padding:.1rem 1rem;margin:1rem 0}
    section.queue.urgent{border-color:var(--danger-strong);background:var(--danger-bg)}
    section.queue .flag{color:var(--danger)}
    table.queue{font-size:.95rem}table.queue th,table.queue td{border:1px solid var(--rule);padding:.3rem .5rem}
    table.queue tr.danger_to_life td{background:var(--danger-bg);font-weight:700}
    .report-text{white-space:pre-wrap;border-left:4px solid var(--accent);padding-left:.75rem}
    pre{white-space:pre-wrap;background:var(--surface);padding:.75rem;font-family:var(--mono)}
    form.staff{border-top:1px solid var(--rule);padding-top:.75rem}
    .figures{font-size:.9rem;width:auto}.figures caption{min-width:16rem}.figures th,.figures td{border:1px solid var(--rule);padding:.2rem .4rem}
    .figures tbody th{font-weight:400}.figures tr.part th{padding-left:1.5rem}
    /* The screening's interview sheet: printed on A4, the person's language beside the worker's. */
    .doc-sheet{font-size:1rem}
    .doc-sheet th,.doc-sheet td{border:1px solid var(--border);padding:.35rem .45rem}.doc-sheet thead th{background:var(--surface)}
    .doc-sheet td.number{width:2rem}.doc-sheet td.answer{width:9rem;white-space:nowrap}
    .doc-sheet .field{color:var(--muted);font-size:.8rem;display:block}
    .doc-sheet .intro{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
    nav.screen{background:var(--surface);padding:.5rem 1rem;margin:1rem 0}nav.screen label{display:inline;margin:0 .5rem}
    /* The employer's contact card: 85.6 × 54 mm, one per page or five on an A4 sheet. */
    @page{size:A4;margin:14mm 12mm}
    @page card{size:85.6mm 54mm;margin:0}
    @page cardsheet{size:A4;margin:10mm}
    .doc-card{margin:0;color:#000;background:#fff;line-height:1.25}
    .doc-card .screen-only{margin:.5rem;font-size:.9rem}
    .pair{display:flex;flex-wrap:wrap;gap:0}
    .card{width:85.6mm;height:54mm;padding:2.5mm 3mm;overflow:hidden;border:.2mm dashed #777;font-size:6.6pt;line-height:1.25;color:#000;background:#fff}
    .card h1{font-size:8.5pt;margin:0 0 1mm}.card p{margin:0 0 .8mm}.card ul{list-style:none;margin:0;padding:0}.card li{margin:0 0 .8mm}
    .card .org{font-size:9pt}.card .org-phone{font-size:10pt;font-weight:700}.card .emergency{margin:1.5mm 0 0;padding:0;border:0;background:none;font-weight:700;color:#8a1116}
    .card .detail{color:#333}
    .sheet.card .pair{page:card}.sheet.card .card{break-after:page;border:0}
    .sheet.sheet{page:cardsheet}.sheet.sheet .pair{break-inside:avoid}
    @media (max-width:40rem){h1{font-size:1.45rem}.site-header .wrap{gap:.25rem 1rem}dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}
    .doc-sheet .intro{grid-template-columns:1fr}}
    @media print{
    :root{--text:#000;--bg:#fff;--muted:#333;--link:#000;--surface:#fff}
    body{font-size:10.5pt}
    .skip-link,.primary-nav,.language-switch,.account,.breadcrumbs,.site-footer,nav.screen,.screen-only,form button{display:none!important}
    .site-header{background:none;color:#000;border-bottom:1px solid #000}.site-header a{color:#000}
    a{text-decoration:none}main a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
    thead{display:table-header-group}tr{break-inside:avoid}h2,h3{break-after:avoid}
    .emergency,section.queue.urgent,.secret{background:none}
    .doc-card .site-header{display:none}.doc-card .wrap{padding:0;max-width:none}
    }
    """
}
