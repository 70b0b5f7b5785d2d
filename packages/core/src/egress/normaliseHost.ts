import ipaddr from 'ipaddr.js';

/**
 * A host name as the guard compares it: the URL parser has already lower-
 * cased it and applied IDNA (so look-alikes become `xn--` labels); one
 * trailing dot, which names the same host, is dropped.
 */
const normaliseHost = (hostname: string): string =>
  hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;

/**
 * Normalises a host name given in configuration or on a command line by
 * running it through the URL parser like a request's host. Returns
 * `undefined` when it is not a bare host name (a port, path or userinfo
 * makes it invalid).
 */
const normaliseConfiguredHost = (value: string): string | undefined => {
  const trimmed = value.trim();
  if (trimmed === '' || /[/?#@\s\\]/.test(trimmed)) {
    return undefined;
  }
  const authority = ipaddr.IPv6.isValid(trimmed) ? `[${trimmed}]` : trimmed;

  try {
    const parsed = new URL(`http://${authority}`);

    return parsed.port === '' && !authority.endsWith(':')
      ? normaliseHost(parsed.hostname)
      : undefined;
  } catch {
    return undefined;
  }
};

export { normaliseConfiguredHost, normaliseHost };
