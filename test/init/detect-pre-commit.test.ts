import { describe, expect, it } from 'vitest';
import { choosePreCommitStages } from '../../src/init/detect-pre-commit.js';

describe('choosePreCommitStages', () => {
  it('uses the names before the 3.2 rename for older versions', () => {
    expect(choosePreCommitStages('3.0.4').stages).toEqual(['commit', 'merge-commit']);
    expect(choosePreCommitStages('2.21.0').stages).toEqual(['commit', 'merge-commit']);
    expect(choosePreCommitStages('3.1').stages).toEqual(['commit', 'merge-commit']);
  });

  it('uses the names of git hooks from 3.2 on', () => {
    expect(choosePreCommitStages('3.2.0').stages).toEqual(['pre-commit', 'pre-merge-commit']);
    expect(choosePreCommitStages('3.10.1').stages).toEqual(['pre-commit', 'pre-merge-commit']);
    expect(choosePreCommitStages('4.0.1').stages).toEqual(['pre-commit', 'pre-merge-commit']);
  });
});
