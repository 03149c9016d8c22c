// Loads the app's wasm module and starts it. The build replaces the two
// placeholders with the hashed file names.
import init, { start } from '__JS__';

await init({ module_or_path: '__WASM__' });
start();
