import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { h, replace } from '../src/lib/dom';
import { compile, match } from '../src/lib/router';

describe('DOM helpers render server text as text', () => {
  it('never parses markup from strings', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const el = h('div', null, h('h2', null, evil), evil);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe(evil + evil);
    replace(el, evil);
    expect(el.children).toHaveLength(0);
    expect(el.textContent).toBe(evil);
  });

  it('sets attributes as plain values', () => {
    const el = h('a', { href: '/x', testid: 'link', 'aria-current': 'page', hidden: false, title: '"><script>' });
    expect(el.getAttribute('data-testid')).toBe('link');
    expect(el.hasAttribute('hidden')).toBe(false);
    expect(el.getAttribute('title')).toBe('"><script>');
  });
});

describe('no HTML sinks in the source', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(__dirname, '..', 'src'));

  it.each(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', "setAttribute('style'", 'localStorage'])('%s is never used', (sink) => {
    for (const file of files) {
      // The one exception: the room's "sound on/off" choice, a non-secret preference (issue 17). Tokens stay out.
      if (sink === 'localStorage' && file.endsWith(join('lib', 'attention.ts'))) continue;
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
      expect(code.includes(sink), `${file} uses ${sink}`).toBe(false);
    }
  });
});

describe('router', () => {
  it('matches parameters and decodes them', () => {
    const routes = [
      { path: '/teacher/exams/new', title: 'n', render: () => undefined },
      { path: '/teacher/exams/:id', title: 'e', render: () => undefined },
    ];
    expect(match(routes, '/teacher/exams/new')?.route.title).toBe('n');
    expect(match(routes, '/teacher/exams/a%20b')?.params).toEqual({ id: 'a b' });
    expect(match(routes, '/teacher/exams/a/b')).toBeNull();
    expect(compile('/x/:a/y/:b').keys).toEqual(['a', 'b']);
  });
});
