/**
 * The URL as it may be logged: origin and path, without userinfo, query
 * string or fragment (those may carry identifiers or API keys).
 *
 * @example redactUrl('https://npiregistry.cms.hhs.gov/api/?number=1')
 * // 'https://npiregistry.cms.hhs.gov/api/'
 */
const redactUrl = (url: string | URL): string => {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;

    if (parsed.origin === 'null') {
      return `${parsed.protocol}[redacted]`;
    }

    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '[invalid url]';
  }
};

export { redactUrl };
