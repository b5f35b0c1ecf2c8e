/** The import wizard (route `/import?kind=talents|roster`). */
export { ImportPage } from './ImportPage';
