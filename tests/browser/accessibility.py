"""A small accessibility check run inside the page (no network, no npm): the WCAG 2 rules CTIP's
pages must keep — a language on <html>, one <h1> and no skipped heading levels, a label for every
form field, a name for every link and button, and text contrast of at least 4.5:1 (3:1 for large
text) against the background actually behind it.

`check(driver)` returns a list of problems, each naming the element; empty means the page passes.
"""

CHECK_SCRIPT = r"""
const problems = [];
const describe = (el) => {
  let text = (el.innerText || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${el.className ? ' class=' + el.className : ''}> "${text}"`;
};
const visible = (el) => {
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
};

if (!document.documentElement.getAttribute('lang')) problems.push('<html> has no lang');
if (!document.title.trim()) problems.push('the page has no <title>');

const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(visible);
const h1s = headings.filter(h => h.tagName === 'H1');
if (h1s.length !== 1) problems.push(`expected one visible <h1>, found ${h1s.length}`);
let level = 0;
for (const h of headings) {
  const next = Number(h.tagName[1]);
  if (level && next > level + 1) problems.push(`heading level skipped: h${level} then ${describe(h)}`);
  if (!h.innerText.trim()) problems.push(`empty heading ${describe(h)}`);
  level = next;
}

for (const field of document.querySelectorAll('input,select,textarea')) {
  if (['hidden', 'submit', 'button', 'reset'].includes(field.type)) continue;
  const labelled = (field.id && document.querySelector(`label[for="${CSS.escape(field.id)}"]`))
    || field.closest('label') || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
  if (!labelled) problems.push(`form field without a label: ${describe(field)}`);
}
for (const el of document.querySelectorAll('a,button')) {
  if (!visible(el)) continue;
  if (!(el.innerText.trim() || el.getAttribute('aria-label'))) problems.push(`link or button without a name: ${describe(el)}`);
}

const parse = (color) => {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 1];
  const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
};
const luminance = ([r, g, b]) => {
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const background = (el) => {
  // Composite the backgrounds from the page down to this element.
  const chain = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) chain.push(node);
  let color = [255, 255, 255];
  for (const node of chain.reverse()) {
    const [r, g, b, a] = parse(getComputedStyle(node).backgroundColor);
    color = [r * a + color[0] * (1 - a), g * a + color[1] * (1 - a), b * a + color[2] * (1 - a)];
  }
  return color;
};
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim()) continue;
  const el = node.parentElement;
  if (!el || seen.has(el) || !visible(el)) continue;
  seen.add(el);
  const style = getComputedStyle(el);
  const [r, g, b, a] = parse(style.color);
  const back = background(el);
  const fore = [r * a + back[0] * (1 - a), g * a + back[1] * (1 - a), b * a + back[2] * (1 - a)];
  const [l1, l2] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
  const ratio = (l1 + 0.05) / (l2 + 0.05);
  const size = parseFloat(style.fontSize);
  const bold = Number(style.fontWeight) >= 700;
  const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
  if (ratio < needed) problems.push(`contrast ${ratio.toFixed(2)}:1 < ${needed}:1 for ${describe(el)}`);
}
return problems;
"""


def check(driver):
    return driver.execute_script(CHECK_SCRIPT)
