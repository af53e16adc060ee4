import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InterviewConfig } from '../../../src/core/interview-config.js';
import type { OnewayInterview } from '../../../src/elements/interview/interview.js';
import { deepActiveElement, findButton, focusedName, tabTo } from '../../support/dom.js';
import { nextEvent, sleep, waitFor } from '../../support/wait.js';

describe('<oneway-interview> with the keyboard alone', () => {
  it('completes an interview with consent, a video question and a text question', async () => {
    const config: InterviewConfig = {
      id: `keyboard-${Date.now()}`,
      title: 'Keyboard interview',
      consent: 'I agree that my answers are recorded.',
      deviceCheck: false,
      defaults: { thinkSeconds: 60, answerSeconds: 60, retakes: 1, answer: 'video' },
      questions: [
        { id: 'q1', text: 'Introduce yourself.' },
        { id: 'q2', text: 'Why this role?', answer: 'text', maxChars: 300 },
      ],
    };
    const el = await fixture<OnewayInterview>(html`<oneway-interview endpoint="/files" .config=${config}></oneway-interview>`);
    await waitUntil(() => findButton(el, 'Start interview'), 'no intro', { timeout: 10_000 });
    const complete = nextEvent(el, 'oneway-complete', 60_000);

    await tabTo('I agree that my answers are recorded.');
    // ' ' rather than 'Space': the one name for the space bar that every engine's driver knows.
    await sendKeys({ press: ' ' });
    await tabTo('Start interview');
    await sendKeys({ press: 'Enter' });

    // Focus moves to the new question, so a screen reader reads it first.
    await waitFor(() => (deepActiveElement()?.textContent ?? '').includes('Introduce yourself.'), 'focus did not move to the question');
    await waitUntil(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'recorder not ready', {
      timeout: 20_000,
    });
    await tabTo('Start recording');
    await sendKeys({ press: 'Enter' });
    await sleep(1000);
    // The same button now stops the recording, and keeps the focus.
    expect(focusedName()).to.equal('Stop recording');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => findButton(el, 'Submit answer'), 'no review');
    await tabTo('Submit answer');
    await sendKeys({ press: 'Enter' });

    await waitFor(() => findButton(el, 'Next question'), 'no next question');
    await tabTo('Next question');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => (deepActiveElement()?.textContent ?? '').includes('Why this role?'), 'focus did not move to question 2');
    await tabTo('Start writing now');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() instanceof HTMLTextAreaElement, 'focus did not move to the text area');
    await sendKeys({ type: 'Because I like it.' });
    await tabTo('Submit answer');
    await sendKeys({ press: 'Enter' });

    const { detail } = await complete;
    expect(detail.answers.map((answer) => answer.questionId)).to.deep.equal(['q1', 'q2']);
  });
});
