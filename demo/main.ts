// Shows the host's view: every event the recorder fires.
const log = document.querySelector('#log')!;
for (const type of [
  'oneway-recording-start',
  'oneway-recording-stop',
  'oneway-answer-uploaded',
  'oneway-error',
] as const) {
  document.addEventListener(type, (event) => {
    log.textContent += `${type} ${JSON.stringify((event as Event & { detail: unknown }).detail)}\n`;
  });
}
