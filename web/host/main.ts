// The host console's entry: the keyboard-first control desk on the host's laptop.
import '../lib/no-eval.js';
import { mount } from 'svelte';
import '../lib/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
