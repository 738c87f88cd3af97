// The big screen's entry: mounts the stage for the projector.
import '../lib/no-eval.js';
import { mount } from 'svelte';
import '../lib/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
