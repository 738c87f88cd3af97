// A judge's phone or tablet: who is speaking, the speaking timer, and the judge's own score.
import '../lib/no-eval.js';
import { mount } from 'svelte';
import '../lib/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
