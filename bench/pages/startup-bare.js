// The bare page's whole start-up: camera and microphone as the recorder asks for them, shown in a
// <video>, and Start enabled (see startup-bare.html).
const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: true });
document.querySelector('video').srcObject = stream;
document.querySelector('button').disabled = false;
Object.assign(window.benchStartup, { readyAt: performance.now(), done: true });
