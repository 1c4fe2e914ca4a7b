import { describe, expect, it } from 'vitest';
import { xhtmlToText } from './xhtml.js';

describe('xhtmlToText', () => {
  it('keeps text, turns blocks into lines and decodes character references', () => {
    const xhtml =
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Over the <b>last 2 weeks</b>:</p><ul><li>sleep&nbsp;&amp; appetite</li><li>mood &#8212; &#x1F600;</li></ul>Done<br/>now</div>';
    expect(xhtmlToText(xhtml)).toBe('Over the last 2 weeks:\nsleep & appetite\nmood — 😀\nDone\nnow');
  });

  it('drops scripts, styles, comments and event handlers, and never yields markup', () => {
    const hostile =
      '<p onclick="steal()">Hi</p><script>alert("x")</script><STYLE>p{}</STYLE><!-- secret --><img src=x onerror=alert(1)>' +
      '<svg><script>bad()</script></svg><a href="javascript:alert(1)">link</a>';
    expect(xhtmlToText(hostile)).toBe('Hi\nlink');
  });

  it('shows escaped markup as text, keeps a stray "<", and survives unclosed constructs', () => {
    expect(xhtmlToText('&lt;b&gt;not bold&lt;/b&gt;')).toBe('<b>not bold</b>');
    expect(xhtmlToText('a < b and c')).toBe('a < b and c');
    expect(xhtmlToText('before<script>never closed')).toBe('before');
    expect(xhtmlToText('text<!-- open comment')).toBe('text');
    expect(xhtmlToText('&unknown; &#0; &#xD800;')).toBe('&unknown; \uFFFD \uFFFD');
  });

  it('stays linear on pathological input', () => {
    const started = performance.now();
    xhtmlToText('<script'.repeat(20_000));
    xhtmlToText('<'.repeat(100_000));
    xhtmlToText('<p>'.repeat(30_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
