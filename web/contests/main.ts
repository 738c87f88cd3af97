// The organiser's page (赛事管理): every contest in the data folder, on the organiser's laptop.
import '../lib/no-eval.js';
import { mount } from 'svelte';
import '../lib/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
