// The contestant's phone: join a seat, then one big buzzer.
import '../lib/no-eval.js';
import { mount } from 'svelte';
import '../lib/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
