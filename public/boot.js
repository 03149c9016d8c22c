// Runs before the app. First it makes the static page useful on its own:
// the call buttons get the number where the phone is (the learner's own,
// or the region they confirmed, or a guess from the time zone and the
// language tags, with a copy of src/region.rs's table that tests/region.rs
// checks), and the static text shows in one language. Then it loads the
// app; if that fails or takes too long, the page says so in both languages
// with a retry, and the call button stays. The build replaces the two
// placeholders with the hashed file names.
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

/** Where the phone is (as region::guess). */
function guess(tags) {
  let zone = '';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) {
    zone = '';
  }
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

const settings = storedSettings();
const tags = languages();
const region = T.numbers[settings.region] ? settings.region : guess(tags);
const number = /^[0-9]{2,8}$/.test(settings.emergency_number || '') ? settings.emergency_number : T.numbers[region];
const root = document.documentElement;
root.setAttribute('lang', language(settings, tags));
root.setAttribute('data-static-lang', language(settings, tags));
root.setAttribute('data-static-region', region);
for (const a of document.querySelectorAll('[data-static-call]')) a.setAttribute('href', `tel:${number}`);
for (const n of document.querySelectorAll('[data-static-number]')) n.textContent = number;

function failed(error) {
  if (error) console.warn('the app did not load:', error);
  const loading = document.querySelector('[data-static-loading]');
  const notice = document.querySelector('[data-static-failed]');
  if (!notice || !notice.hidden) return;
  if (loading) loading.hidden = true;
  notice.hidden = false;
}

let started = false;
// A module that never arrives must not leave "Loading…" forever.
const slow = setTimeout(() => started || failed(null), 20000);
const retry = document.querySelector('[data-static-retry]');
if (retry) retry.addEventListener('click', () => location.reload());

try {
  const app = await import('__JS__');
  await app.default({ module_or_path: '__WASM__' });
  started = true;
  clearTimeout(slow);
  app.start();
} catch (error) {
  clearTimeout(slow);
  if (!started) failed(error);
  else throw error;
}
