// The ticket preview dialog of a failed print job.

import { t } from './messages.js';
import { api } from './api.js';

const $ = (id) => document.getElementById(id);

/** The ticket preview dialog: the PNG comes with the bearer token, so it is fetched as a blob. */
export class Preview {
  constructor() {
    this.dialog = $('dlg-preview');
    this.img = $('preview-img');
    this.url = null;
    this.job = null;
    this.paper = '80';
    this.dialog.querySelectorAll('[data-paper]').forEach((b) => b.addEventListener('click', () => this.load(b.dataset.paper)));
    $('preview-close').addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.release());
  }

  open(job) {
    this.job = job;
    this.translate();
    this.dialog.showModal();
    this.load(this.paper);
  }

  close() {
    if (this.dialog.open) {
      this.dialog.close();
    }
  }

  translate() {
    this.dialog.querySelectorAll('[data-paper]').forEach((b) => {
      b.textContent = t('paper', b.dataset.paper);
    });
    $('preview-close').textContent = t('close');
    if (this.job) {
      $('preview-title').textContent = t('previewTitle', this.job.number);
      this.img.alt = t('previewAlt', this.job.number);
    }
  }

  async load(paper) {
    const job = this.job;
    this.paper = paper;
    this.dialog.querySelectorAll('[data-paper]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.paper === paper)));
    const msg = $('preview-message');
    msg.textContent = t('previewLoading');
    msg.hidden = false;
    this.dialog.dataset.loaded = 'false';
    try {
      const blob = await api.preview(job.job, paper);
      if (this.job !== job || this.paper !== paper || !this.dialog.open) {
        return; // another preview was asked for meanwhile
      }
      this.release(false);
      this.url = URL.createObjectURL(blob);
      this.img.onload = () => {
        msg.hidden = true;
        this.dialog.dataset.loaded = 'true';
      };
      this.img.src = this.url;
      this.img.hidden = false;
    } catch (e) {
      this.img.hidden = true;
      msg.textContent = t('previewFailed');
    }
  }

  release(clear = true) {
    if (this.url) {
      URL.revokeObjectURL(this.url);
      this.url = null;
    }
    if (clear) {
      this.img.removeAttribute('src');
      this.img.hidden = true;
      this.dialog.dataset.loaded = 'false';
    }
  }
}
