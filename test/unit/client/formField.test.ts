/** @jest-environment jsdom */
import { formError, refuseField, submitting, wordsIn } from '../../../client/app/formField';

describe('formError', () => {
  afterEach(() => document.body.replaceChildren());

  it('ties the message to the field it is about, next to a hint the field had, and unties only itself', () => {
    const error = formError('upload-error');
    const field = document.body.appendChild(document.createElement('input'));
    field.setAttribute('aria-describedby', 'upload-hint');
    document.body.append(error.element);

    error.show('The file could not be read.', field);
    expect(error.element.hidden).toBe(false);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('upload-hint upload-error');

    // Shown again about the same field: its id is there once.
    error.show('Still unreadable.', field);
    expect(field.getAttribute('aria-describedby')).toBe('upload-hint upload-error');

    error.hide();
    expect(error.element.hidden).toBe(true);
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(field.getAttribute('aria-describedby')).toBe('upload-hint');
  });

  it('moves the tie to the field a later message is about', () => {
    const error = formError('form-error');
    const [first, second] = [document.createElement('input'), document.createElement('input')];
    document.body.append(first, second, error.element);
    expect(wordsIn(first, error, 'Type something.')).toBeNull();
    expect(document.activeElement).toBe(first);
    refuseField(second, error, 'Not this.');
    expect(first.hasAttribute('aria-describedby')).toBe(false);
    expect(first.hasAttribute('aria-invalid')).toBe(false);
    expect(second.getAttribute('aria-describedby')).toBe('form-error');
    expect(document.activeElement).toBe(second);
  });

  it("ties the server's refusal to the field given to submitting, with the button usable again", async () => {
    const error = formError('form-error');
    const field = document.createElement('textarea');
    const button = document.createElement('button');
    document.body.append(field, button, error.element);
    await submitting(button, error, 'Not saved.', () => Promise.reject(new Error('The deadline has passed.')), field);
    expect(error.element.textContent).toBe('The deadline has passed.');
    expect(field.getAttribute('aria-describedby')).toBe('form-error');
    expect(button.disabled).toBe(false);
  });
});
