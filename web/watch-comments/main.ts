// A stand-in audience page with comments alone, until /watch/ (the audience slice) includes
// web/watch/Comments.svelte; the comments' browser test opens it.
import '../lib/no-eval.js';
import { mount } from 'svelte';
import '../lib/theme.css';
import CommentsOnly from './CommentsOnly.svelte';

mount(CommentsOnly, { target: document.getElementById('app') as HTMLElement });
