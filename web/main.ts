// The landing page at the bare address: sends a phone on to the contest that is on.
import './lib/no-eval.js';
import { mount } from 'svelte';
import './lib/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
