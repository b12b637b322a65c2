/** The API base URL the build was made for ('' = same origin on H5). */
export const apiBase: string = typeof API_BASE_URL === 'string' ? API_BASE_URL : ''
