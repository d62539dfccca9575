import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/config/closest-match.js';

describe('closestMatch', () => {
  const keys = ['accounts', 'organizationalUnits', 'renamedFrom'];

  it('finds typos, transpositions, other spellings and other cases', () => {
    expect(closestMatch('acounts', keys)).toBe('accounts');
    expect(closestMatch('accuonts', keys)).toBe('accounts');
    expect(closestMatch('organisationalUnits', keys)).toBe('organizationalUnits');
    expect(closestMatch('OrganizationalUnits', keys)).toBe('organizationalUnits');
    expect(closestMatch('renamed_from', keys)).toBe('renamedFrom');
  });

  it('suggests nothing for unrelated words', () => {
    expect(closestMatch('Security', keys)).toBeUndefined();
    expect(closestMatch('ous', keys)).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
