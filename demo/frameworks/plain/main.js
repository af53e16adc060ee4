// No framework: register the elements, then set the one thing HTML cannot say (a function)
// and listen for the end of the interview.
import 'oneway-interview/define';

const interview = document.querySelector('oneway-interview');
const review = document.querySelector('oneway-review');

// Called before every upload request. A real host fetches a short-lived token from its backend here.
interview.authorize = () => ({ Authorization: 'Bearer demo-token' });

interview.addEventListener('oneway-complete', (event) => {
  document.querySelector('#result').textContent = `Interview complete: ${event.detail.answers.length} answers`;
  // The employer's side, here on the same page: the same config, and the answers as delivered.
  review.config = JSON.parse(interview.querySelector('script[type="application/json"]').textContent);
  review.answers = event.detail.answers;
  review.hidden = false;
});
