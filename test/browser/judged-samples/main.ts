// Mounts the sample named in the address's hash (#screen-reveal): components only, no server.
import { mount } from 'svelte';
import '../../../web/lib/theme.css';
import Samples from './Samples.svelte';

mount(Samples, { target: document.getElementById('app') as HTMLElement });
