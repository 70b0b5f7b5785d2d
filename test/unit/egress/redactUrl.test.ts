import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../packages/core/src/egress/redactUrl';

describe('redactUrl', () => {
  it('drops the query string and fragment', () => {
    const url =
      'https://npiregistry.cms.hhs.gov/api/?version=2.1&last_name=Quill#top';

    const redacted = redactUrl(url);

    expect(redacted).toBe('https://npiregistry.cms.hhs.gov/api/');
  });

  it('drops userinfo', () => {
    const redacted = redactUrl(new URL('https://user:key@api.sam.gov/v4'));

    expect(redacted).toBe('https://api.sam.gov/v4');
  });

  it('keeps a non-default port in the origin', () => {
    const redacted = redactUrl('http://127.0.0.1:4567/nppes/api/?number=1');

    expect(redacted).toBe('http://127.0.0.1:4567/nppes/api/');
  });

  it('hides the payload of an opaque URL', () => {
    const redacted = redactUrl('data:text/plain,1985-03-02');

    expect(redacted).toBe('data:[redacted]');
  });

  it('does not echo an unparsable input', () => {
    const redacted = redactUrl('not a url ?dob=1985-03-02');

    expect(redacted).toBe('[invalid url]');
  });
});
