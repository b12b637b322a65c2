// The issue model is declared once, as the TypeBox schema the server serves it with and the app checks
// downloads against (src/domain/api/issue.ts); these are its static types.
export type { Article, Footer, ImportWarning, Issue, IssueSummary, Section } from '../api/issue'
