import { ApiError, token } from './api.js';

/** The bar above the page in the print view; hidden on paper. */
const TOOLBAR_CSS = `
.print-toolbar{position:sticky;top:0;display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:8px 10px;margin:0 0 12px;
  background:#f3f5f8;border-bottom:1px solid #c9d1db;font:14px/1.3 system-ui,sans-serif;z-index:1}
.print-toolbar button{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #36506b;background:#fff;color:#1d3147;cursor:pointer}
.print-toolbar button.primary{background:#1d4f80;color:#fff;border-color:#1d4f80}
.print-toolbar span{color:#444}
@media print{.print-toolbar{display:none}}`;

/**
 * «Для печати»: opens a printable page the API answers with (a document, the monitoring report) in a new tab,
 * with «Напечатать» (window.print()) on top. The tab is opened at once, in the click, so no pop-up blocker
 * stops it; the page is fetched with the token and laid in; its stylesheet is adopted (the site's policy
 * allows no inline <style>, the printable pages carry no style attributes).
 */
export async function openPrintView(href) {
  const w = window.open('', '_blank');
  if (!w) throw new ApiError(0, { title: 'Вкладка не открылась', detail: 'Браузер не дал открыть новую вкладку: разрешите всплывающие окна для этого сайта и нажмите «Для печати» ещё раз.' });
  const doc = w.document;
  doc.title = 'Готовится страница для печати…';
  doc.body.textContent = 'Готовится страница для печати…';
  let html;
  try {
    const res = await fetch(href, { headers: { Authorization: `Bearer ${token.get()}` }, cache: 'no-store' });
    if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({ detail: res.statusText })));
    html = await res.text();
  } catch (e) {
    w.close();
    throw e instanceof ApiError ? e : new ApiError(0, { title: 'Нет связи', detail: 'Сервер не отвечает. Проверьте, что он запущен, и повторите.' });
  }
  const source = new DOMParser().parseFromString(html, 'text/html');
  doc.documentElement.lang = 'ru';
  doc.title = source.title;
  const viewport = doc.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  doc.head.append(viewport);
  const sheet = new w.CSSStyleSheet();
  sheet.replaceSync([...source.querySelectorAll('style')].map((s) => s.textContent).join('\n') + TOOLBAR_CSS);
  doc.adoptedStyleSheets = [sheet];
  const button = (text, onClick, primary) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (primary) b.className = 'primary';
    b.addEventListener('click', onClick);
    return b;
  };
  const bar = doc.createElement('div');
  bar.className = 'print-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Печать');
  const hint = doc.createElement('span');
  hint.textContent = 'Страница для печати: А4, поля и подписи — как в документе.';
  bar.append(button('Напечатать', () => w.print(), true), button('Закрыть', () => w.close()), hint);
  doc.body.replaceChildren(bar, ...[...source.body.childNodes].map((n) => doc.importNode(n, true)));
  bar.querySelector('button').focus();
  return w;
}
