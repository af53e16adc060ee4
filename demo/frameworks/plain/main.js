// No framework: register the elements, then set the one thing HTML cannot say (a function)
// and listen for the end of the interview.
import 'oneway-interview/define';

const interview = document.querySelector('oneway-interview');

// Called before every upload request. A real host fetches a short-lived token from its backend here.
interview.authorize = () => ({ Authorization: 'Bearer demo-token' });

interview.addEventListener('oneway-complete', (event) => {
  document.querySelector('#result').textContent = `Interview complete: ${event.detail.answers.length} answers`;
});
