/**
 * What Internet Explorer 11 (the pane's engine in Excel 2016/2019 volume-licensed) lacks and core-js
 * does not give: String.prototype.normalize, which every Vietnamese text comparison uses (NFC).
 * Imported first by the pane, so it is in place before any shared module loads. core-js polyfills
 * (Promise, Map, Set, Symbol, Array.from…) are added by the build (addin/build.mjs).
 */
import 'unorm';
