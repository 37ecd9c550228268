/**
 * The page's one Uploads: the dataset library and the upload wizard. Imported by the pages that
 * upload or query, and loaded on demand by app.svelte.ts (loadUploads) elsewhere, so the first
 * map of a first visit never waits for this code.
 */
import { Uploads } from '$lib/upload/uploads.svelte';
import { adoptUploads, dashboard } from './app.svelte';

export const uploads = adoptUploads(new Uploads(dashboard));
