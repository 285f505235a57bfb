// The landing pages the benchmarks measure: where readers arrive from links (a name for the
// tables, and the path).
export const LANDING_PAGES = [
  ['home', '/'],
  ['article', '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations'],
  ['category', '/category/politics'],
  ['search', '/search?q=oil'],
  ['home (ru)', '/ru'],
];
