// The QR decoder's worker (scan/, the `firstaid-scan` crate): reads QR codes
// from canvas pixels where the browser has no BarcodeDetector. The build
// replaces the two placeholders with the hashed file names.
//
// Protocol (adapters/qr_worker.rs): the page posts
//   { id, width, height, pixels }   (pixels: an RGBA ArrayBuffer, transferred)
// and gets back one of
//   { id, texts }                   (the codes read, maybe none)
//   { id, crashed }                 (the decoder trapped: this worker closes)
//   { id, failed }                  (the decoder could not be loaded)
//
// A panic in the decoder (rqrr can panic on degenerate pictures) traps the
// wasm instance, which cannot be trusted afterwards: the worker says so and
// closes, and the page starts a fresh one for the next frame.
importScripts('__SCAN_JS__');

const ready = wasm_bindgen({ module_or_path: '__SCAN_WASM__' });

self.onmessage = async (event) => {
  const { id, width, height, pixels } = event.data;
  try {
    await ready;
  } catch (e) {
    self.postMessage({ id, failed: String(e) });
    self.close();
    return;
  }
  let texts;
  try {
    texts = wasm_bindgen.decodeRgba(width, height, new Uint8Array(pixels));
  } catch (e) {
    self.postMessage({ id, crashed: String(e) });
    self.close();
    return;
  }
  self.postMessage({ id, texts });
};
