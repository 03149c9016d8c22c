// Inlined into every HTML page (the build puts its hash into the
// Content-Security-Policy) so that it runs before the first paint, with no
// request of its own. It makes the static page right for this visitor:
// - the language: the stored one, else the first Chinese or English tag;
// - the call buttons get the number where the phone is (the learner's own,
//   or the region they confirmed, or a guess from the time zone and the
//   language tags, with a copy of src/region.rs's table that tests/region.rs
//   checks);
// - on a first visit (nothing stored yet) of a page the build prerendered
//   (the home page, the lessons, the quiz, the about page), the real page: the
//   build rendered it with the app itself in each language and guideline
//   profile a first visit can start with (`cargo xtask dist`, prerender.rs);
//   the copy for this visitor stays, the others and the loading shell go,
//   so the first paint is the page the app then draws again in its place;
//   a link tapped on it opens its page when the app runs, a button tapped
//   on it is tapped again by the app.
(function () {
'use strict';
const T = /* regions:begin */{"countries":{"AS":"us","AT":"eu","AU":"au","BE":"eu","BG":"eu","CA":"ca","CN":"cn","CY":"eu","CZ":"eu","DE":"eu","DK":"eu","EE":"eu","ES":"eu","FI":"eu","FR":"eu","GB":"gb","GR":"eu","GU":"us","HK":"hk","HR":"eu","HU":"eu","IE":"eu","IN":"in","IS":"eu","IT":"eu","JP":"jp","KR":"kr","LI":"eu","LT":"eu","LU":"eu","LV":"eu","MO":"mo","MP":"us","MT":"eu","NL":"eu","NO":"eu","NZ":"nz","PL":"eu","PR":"us","PT":"eu","RO":"eu","SE":"eu","SG":"sg","SI":"eu","SK":"eu","TW":"tw","UK":"gb","US":"us","VI":"us"},"numbers":{"au":"000","ca":"911","cn":"120","eu":"112","gb":"999","hk":"999","in":"112","jp":"119","kr":"119","mo":"999","nz":"111","other":"112","sg":"995","tw":"119","us":"911"},"zonePrefixes":{"America/Indiana/":"us","America/Kentucky/":"us","America/North_Dakota/":"us","Australia/":"au","Canada/":"ca","US/":"us"},"zones":{"Africa/Ceuta":"eu","America/Anchorage":"us","America/Boise":"us","America/Chicago":"us","America/Denver":"us","America/Detroit":"us","America/Edmonton":"ca","America/Halifax":"ca","America/Juneau":"us","America/Los_Angeles":"us","America/Moncton":"ca","America/Montreal":"ca","America/New_York":"us","America/Phoenix":"us","America/Puerto_Rico":"us","America/Regina":"ca","America/St_Johns":"ca","America/Toronto":"ca","America/Vancouver":"ca","America/Whitehorse":"ca","America/Winnipeg":"ca","America/Yellowknife":"ca","Asia/Calcutta":"in","Asia/Chongqing":"cn","Asia/Chungking":"cn","Asia/Famagusta":"eu","Asia/Harbin":"cn","Asia/Hong_Kong":"hk","Asia/Kolkata":"in","Asia/Macao":"mo","Asia/Macau":"mo","Asia/Nicosia":"eu","Asia/Seoul":"kr","Asia/Shanghai":"cn","Asia/Singapore":"sg","Asia/Taipei":"tw","Asia/Tokyo":"jp","Asia/Urumqi":"cn","Atlantic/Azores":"eu","Atlantic/Canary":"eu","Atlantic/Madeira":"eu","Atlantic/Reykjavik":"eu","Europe/Amsterdam":"eu","Europe/Athens":"eu","Europe/Belfast":"gb","Europe/Berlin":"eu","Europe/Bratislava":"eu","Europe/Brussels":"eu","Europe/Bucharest":"eu","Europe/Budapest":"eu","Europe/Busingen":"eu","Europe/Copenhagen":"eu","Europe/Dublin":"eu","Europe/Helsinki":"eu","Europe/Lisbon":"eu","Europe/Ljubljana":"eu","Europe/London":"gb","Europe/Luxembourg":"eu","Europe/Madrid":"eu","Europe/Malta":"eu","Europe/Mariehamn":"eu","Europe/Nicosia":"eu","Europe/Oslo":"eu","Europe/Paris":"eu","Europe/Prague":"eu","Europe/Riga":"eu","Europe/Rome":"eu","Europe/Sofia":"eu","Europe/Stockholm":"eu","Europe/Tallinn":"eu","Europe/Vienna":"eu","Europe/Vilnius":"eu","Europe/Warsaw":"eu","Europe/Zagreb":"eu","GB":"gb","Hongkong":"hk","Japan":"jp","NZ":"nz","PRC":"cn","Pacific/Auckland":"nz","Pacific/Chatham":"nz","Pacific/Honolulu":"us","ROC":"tw","ROK":"kr","Singapore":"sg"}}/* regions:end */;

/** The stored settings, if any (the app's one store). */
function storedSettings() {
  try {
    const doc = JSON.parse(localStorage.getItem('firstaid/store') || 'null');
    return (doc && doc.data && doc.data.settings) || {};
  } catch (e) {
    return {};
  }
}

/** The region a language tag names (as region::from_language_tag). */
function fromTag(tag) {
  const parts = String(tag).split(/[-_]/);
  const primary = parts[0].toLowerCase();
  let script = null;
  for (const part of parts.slice(1)) {
    if (/^[A-Za-z]{2}$/.test(part)) return T.countries[part.toUpperCase()] || 'other';
    if (/^[0-9]{3}$/.test(part)) return 'other';
    if (part.length === 4 && script === null) script = part.toLowerCase();
  }
  if (primary === 'zh' && (script === null || script === 'hans')) return 'cn';
  if (primary === 'ja') return 'jp';
  if (primary === 'ko') return 'kr';
  return null;
}

/**
 * The phone's IANA time zone (as platform::time_zone): Temporal's, where the
 * browser has it, takes under a millisecond; Intl's first formatter loads
 * the locale data, 12 to 30 ms on a desktop and several times that on a
 * phone, all before the first paint.
 */
function timeZone() {
  try {
    if (typeof Temporal === 'object' && Temporal.Now && Temporal.Now.timeZoneId) {
      return Temporal.Now.timeZoneId() || '';
    }
  } catch (e) {
    // Intl below.
  }
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) {
    return '';
  }
}

/** Where the phone is (as region::guess). */
function guess(tags) {
  const zone = timeZone();
  if (T.zones[zone]) return T.zones[zone];
  for (const prefix of Object.keys(T.zonePrefixes)) {
    if (zone.startsWith(prefix)) return T.zonePrefixes[prefix];
  }
  for (const tag of tags) {
    const r = fromTag(tag);
    if (r) return r;
  }
  return 'other';
}

function languages() {
  const list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  return Array.from(list);
}

/** The static page's language: the stored one, else the first Chinese or English tag. */
function language(settings, tags) {
  if (settings.lang === 'en' || settings.lang === 'zh-CN') return settings.lang;
  for (const tag of tags) {
    const primary = String(tag).split(/[-_]/)[0].toLowerCase();
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/* The guideline profile a first visit starts with (as profile::ProfileId::for_first_visit):
 * a tag's region picks from its lists; a tag without one, where the phone is. */
const P = /* profiles:begin */{"aha":["US","CA","PR"],"erc":["AT","BE","BG","HR","CY","CZ","DK","EE","FI","FR","DE","GR","HU","IE","IT","LV","LT","LU","MT","NL","PL","PT","RO","SK","SI","ES","SE","IS","LI","NO","GB","CH"],"where":{"aha":["us","ca"],"erc":["eu","gb"]}}/* profiles:end */;

function profileFor(tags, where) {
  const first = tags.length ? String(tags[0]) : '';
  const parts = first.split(/[-_]/);
  if (parts[0].toLowerCase() === 'zh') return 'rcsc';
  const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p));
  if (!region) {
    if (P.where.aha.includes(where)) return 'aha';
    if (P.where.erc.includes(where)) return 'erc';
    return 'rcsc';
  }
  const r = region.toUpperCase();
  if (P.aha.includes(r)) return 'aha';
  if (P.erc.includes(r)) return 'erc';
  return 'rcsc';
}

let stored = null;
try {
  stored = localStorage.getItem('firstaid/store');
} catch (e) {
  stored = null;
}
const settings = storedSettings();
const tags = languages();
const lang = language(settings, tags);
const region = T.numbers[settings.region] ? settings.region : guess(tags);
const number = /^[0-9]{2,8}$/.test(settings.emergency_number || '') ? settings.emergency_number : T.numbers[region];
const root = document.documentElement;
root.setAttribute('lang', lang);
root.setAttribute('data-static-lang', lang);
root.setAttribute('data-static-region', region);

/** The call buttons and numbers of `scope` get the number where the phone is. */
function setNumber(scope) {
  for (const a of scope.querySelectorAll('[data-static-call]')) a.setAttribute('href', `tel:${number}`);
  for (const n of scope.querySelectorAll('[data-static-number]')) n.textContent = number;
  // The prerendered page's call buttons, in the text as the app drew it.
  for (const a of scope.querySelectorAll('[data-drawn-number]')) {
    const drawn = a.getAttribute('data-drawn-number');
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) walker.currentNode.data = walker.currentNode.data.split(drawn).join(number);
    a.removeAttribute('data-drawn-number');
  }
}

// The prerendered page for this visitor, if this is a first visit of the
// page the copies were drawn for (index.html is also what a host serves for
// pages without a file of their own). The copies come before this script
// in the page, the loading shell after it: a paint while the rest is parsed
// shows this page or nothing.
const path = location.pathname.length > 1 ? location.pathname.replace(/\/$/, '') : '/';
const want = stored === null ? `${lang}/${profileFor(tags, region)}` : null;
let chosen = null;
for (const copy of document.querySelectorAll('[data-first-paint]')) {
  if (copy.getAttribute('data-first-paint') === want && copy.getAttribute('data-first-paint-path') === path) chosen = copy;
  else copy.remove();
}
// The modules of the page at `path` when it is loaded on demand (the build
// lists them in <meta name="firstaid-page-files">), fetched beside the
// app's own: the app would otherwise ask for them only once it runs. The
// loader's fetch of each then takes the preloaded response.
function preloadPage(path) {
  const meta = document.querySelector('meta[name="firstaid-page-files"]');
  let pages;
  try {
    pages = JSON.parse(meta ? meta.content : '{}');
  } catch (e) {
    return;
  }
  // The longest address that is the path or above it (/quiz/exam, not /quiz).
  let page = null;
  for (const prefix of Object.keys(pages)) {
    if (path !== prefix && !path.startsWith(prefix + '/')) continue;
    if (page === null || prefix.length > page.length) page = prefix;
  }
  if (page === null) return;
  for (const file of pages[page]) {
    if (document.head.querySelector(`link[rel="preload"][href="${file}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = file;
    document.head.append(link);
  }
}
// Resolves once the browser reports the page's first contentful paint:
// the downloads of a prerendered page (its modules here, the app's in
// boot.js, which takes this promise) wait for it, so that paint waits for
// nothing but the HTML and the stylesheet. Waiting for the frame only (a
// task after requestAnimationFrame) started them a few milliseconds before
// the paint was done, and Lighthouse's simulation counts every download
// that ended before the largest paint as holding it up (a lesson's LCP
// 1.8 s in two runs of three, 1.0 s in the third). A browser that cannot
// report paints (or refuses to) waits a frame; one that never reports the
// paint, three seconds after the first frame (not less: on a loaded machine
// a frame's paint has been seen to come a second after the frame began).
function afterFirstPaint() {
  return new Promise((resolve) => {
    const frame = () => requestAnimationFrame(() => setTimeout(resolve, 0));
    const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!types.includes('paint')) {
      frame();
      return;
    }
    let late = 0;
    const watch = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      watch.disconnect();
      clearTimeout(late);
      resolve();
    });
    try {
      watch.observe({ type: 'paint', buffered: true });
    } catch (e) {
      frame();
      return;
    }
    requestAnimationFrame(() => {
      late = setTimeout(() => {
        watch.disconnect();
        resolve();
      }, 3000);
    });
  });
}
if (chosen) {
  setNumber(chosen);
  chosen.hidden = false;
  // The page's own title (a lesson's name), as the app sets it.
  const title = chosen.getAttribute('data-first-paint-title');
  if (title) document.title = title;
  // The shell is hidden by the stylesheet from here on.
  root.setAttribute('data-first-paint', want);
  // A page loaded on demand (a lesson) needs its modules before the app
  // can draw it in the copy's place: fetched once the copy is painted,
  // like the app's own (boot.js takes the same promise).
  const painted = afterFirstPaint();
  window.firstaidPainted = painted;
  painted.then(() => preloadPage(path));
  // A link tapped before the app runs (Start learning, a tab) is not a new
  // page load, which would start every download over: the address changes
  // in place, the link shows it was tapped, and the app opens that page
  // when it starts (its router reads the address). The emergency pages
  // stay real links: their page in the HTML helps at once, without the app
  // (once the app is drawing out of sight, its router opens them instead,
  // at once: the emergency pages are in its main module).
  let tapped = false;
  // A button tapped before the app runs (Next or Read aloud in a lesson:
  // every button a page in the HTML shows is marked data-tap-again, the
  // e2e test early-tap checks) is shown as tapped and named on <html
  // data-tapped-button>: the app taps it again once it has taken the page
  // over (app/takeover.rs), if the page is still this one. Only the last
  // tap is kept; none after a link's.
  const markTapped = (el) => {
    for (const other of chosen.querySelectorAll('[data-tapped]')) {
      other.removeAttribute('data-tapped');
      other.removeAttribute('aria-busy');
    }
    el.setAttribute('data-tapped', '');
    el.setAttribute('aria-busy', 'true');
  };
  // The tab of the page at `to` is the current one (as the app marks it:
  // Home for / only, another tab for its page and the pages under it).
  const currentTab = (to) => {
    for (const tab of chosen.querySelectorAll('.tab-bar a[href]')) {
      const h = tab.getAttribute('href');
      if (h === to || (h !== '/' && to.startsWith(h + '/'))) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
  };
  // A choice made before the app runs (the quiz's topic) is marked, for the
  // app to make again in its page (app/takeover.rs).
  const touched = (event) => event.target instanceof Element && event.target.setAttribute('data-touched', '');
  chosen.addEventListener('input', touched);
  chosen.addEventListener('change', touched);
  chosen.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && event.button === 0) {
      event.preventDefault();
      const name = button.getAttribute('data-tap-again') || '';
      if (tapped || !/^[a-z0-9-]+$/.test(name)) return;
      root.setAttribute('data-tapped-button', name);
      markTapped(button);
      return;
    }
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || /^\/emergency(\/|$)/.test(url.pathname)) return;
    // A link within the page (the skip link) does what it always does.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    preloadPage(url.pathname);
    const to = url.pathname + url.search + url.hash;
    if (to !== location.pathname + location.search + location.hash) {
      if (tapped) history.replaceState(null, '', to);
      else history.pushState(null, '', to);
      tapped = true;
      root.removeAttribute('data-tapped-button');
      currentTab(url.pathname);
    }
    markTapped(link);
  });
}
else {
  // The app is the page: fetch it now (the template in <head>), and the
  // page's own modules beside it.
  const preload = document.querySelector('template[data-preload]');
  if (preload) document.head.append(preload.content.cloneNode(true));
  preloadPage(location.pathname);
}
document.addEventListener('DOMContentLoaded', () => {
  const shell = document.querySelector('[data-static-shell]');
  if (chosen && shell) {
    // The notice for an app that did not load goes to the top of the page.
    const failed = shell.querySelector('[data-static-failed]');
    const main = chosen.querySelector('main');
    if (failed && main) main.prepend(failed);
    shell.remove();
  }
  setNumber(document);
});
})();
