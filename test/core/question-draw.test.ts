import { expect } from '@open-wc/testing';
import { drawQuestions, seededRandom } from '../../src/core/question-draw.js';

const six = Array.from({ length: 6 }, (_, i) => ({ id: `q${i + 1}` }));
const ids = (questions: { id: string }[]) => questions.map((question) => question.id);

describe('drawQuestions', () => {
  it('asks every question in the config order without pick, shuffle or pools', () => {
    expect(ids(drawQuestions(six, {}, 'i\u0000c'))).to.deep.equal(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
  });

  it('draws pick questions, the same for the same seed, different across candidates', () => {
    const draw = (candidate: string) => ids(drawQuestions(six, { pick: 3, shuffle: true }, `interview\u0000${candidate}`));
    expect(draw('c-1')).to.have.length(3);
    expect(new Set(draw('c-1')).size).to.equal(3);
    expect(draw('c-1')).to.deep.equal(draw('c-1'));
    const draws = new Set(Array.from({ length: 20 }, (_, i) => draw(`c-${i}`).join()));
    expect(draws.size, 'twenty candidates got the same questions').to.be.above(10);
  });

  it('keeps the config order of the drawn questions without shuffle', () => {
    for (let i = 0; i < 10; i++) {
      const drawn = ids(drawQuestions(six, { pick: 4 }, `i\u0000c-${i}`));
      expect(drawn).to.deep.equal([...drawn].sort());
    }
  });

  it('draws from each pool in turn, pick of each', () => {
    const pools = [
      { id: 'core', pick: 2, questions: ['q1', 'q2', 'q3', 'q4'] },
      { id: 'close', pick: 1, questions: ['q5', 'q6'] },
    ];
    for (let i = 0; i < 10; i++) {
      const drawn = ids(drawQuestions(six, { pools, shuffle: true }, `i\u0000c-${i}`));
      expect(drawn).to.have.length(3);
      expect(['q1', 'q2', 'q3', 'q4']).to.include.members(drawn.slice(0, 2));
      expect(['q5', 'q6']).to.include(drawn[2]);
    }
  });

  it('makes numbers in [0, 1) that follow from the seed alone', () => {
    const a = seededRandom('seed');
    const b = seededRandom('seed');
    const values = Array.from({ length: 100 }, () => a());
    expect(values).to.deep.equal(Array.from({ length: 100 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).to.equal(true);
    expect(seededRandom('other')()).to.not.equal(values[0]);
  });
});
