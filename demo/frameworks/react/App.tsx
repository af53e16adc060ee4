// React 19 passes objects and functions to custom elements as properties and listens to
// `on<event-name>` props with addEventListener, so no wrapper component or ref is needed.
import { useState } from 'react';
import 'oneway-interview/define';
import type { CompleteEvent, InterviewConfig, OnewayInterview, SubmittedAnswer } from 'oneway-interview';

const config: InterviewConfig = {
  id: 'frameworks-react',
  title: 'React example',
  deviceCheck: false,
  questions: [{ id: 'q1', text: 'In one sentence: why this role?', answer: 'text', thinkSeconds: 1, answerSeconds: 30 }],
};

// Called before every upload request. A real host fetches a short-lived token from its backend here.
const authorize: OnewayInterview['authorize'] = () => ({ Authorization: 'Bearer demo-token' });

export function App() {
  const [answers, setAnswers] = useState<SubmittedAnswer[]>();
  return (
    <main>
      <h1>oneway-interview in React</h1>
      <oneway-interview
        endpoint="/files"
        candidate="demo-candidate"
        config={config}
        authorize={authorize}
        ononeway-complete={(event: CompleteEvent) => setAnswers(event.detail.answers)}
      />
      <p role="status">{answers === undefined ? '' : `Interview complete: ${answers.length} answers`}</p>
      {/* The employer's view of the answers: the same config, and the answers as delivered. */}
      {answers && <oneway-review config={config} answers={answers} />}
    </main>
  );
}
