import Handlebars from 'handlebars';
import type { NoticeKind } from './notice';
import type { NoticeView } from './noticeView';

/** What every notice template is rendered with. */
type TemplateContext = NoticeView & { subject: string };

/** One compiled template per notice kind. */
type NoticeTemplates = Readonly<
  Record<NoticeKind, Handlebars.TemplateDelegate<TemplateContext>>
>;

/** The sources of one output format: a layout, helpers' partials, bodies. */
interface TemplateSources {
  /** Wraps every body; renders the body where it says `@partial-block`. */
  layout: string;
  /** Small shared pieces, registered as partials under these names. */
  partials: Readonly<Record<string, string>>;
  bodies: Readonly<Record<NoticeKind, string>>;
}

/**
 * Compiles one format's templates in an isolated Handlebars environment.
 * Compilation is lazy: a template is parsed and generated on its first
 * render and then kept, so a cold start pays only for the kinds it sends
 * (issue 8, cold start). A broken template therefore fails the first
 * notice of its kind, which is retried and ends in the DLQ; the render
 * tests render every kind for every role, so none ships broken.
 * `strict` makes a misspelt field throw rather than render as nothing.
 *
 * `escapeHtml: false` is only for the plain-text part: there, HTML entities
 * would be shown to the reader literally (O&#x27;Brien).
 */
const compileTemplates = (
  sources: TemplateSources,
  { escapeHtml }: { escapeHtml: boolean },
): NoticeTemplates => {
  const handlebars = Handlebars.create();
  const options = { strict: true, noEscape: !escapeHtml };
  const compile = (source: string) =>
    handlebars.compile<TemplateContext>(source, options);

  handlebars.registerPartial('layout', compile(sources.layout));
  for (const [name, source] of Object.entries(sources.partials)) {
    handlebars.registerPartial(name, compile(source));
  }
  const wrap = (body: string) => compile(`{{#> layout}}${body}{{/layout}}`);

  return {
    flagged: wrap(sources.bodies.flagged),
    expired: wrap(sources.bodies.expired),
    needs_review: wrap(sources.bodies.needs_review),
    expiring: wrap(sources.bodies.expiring),
    source_unavailable: wrap(sources.bodies.source_unavailable),
    facility_unreachable: wrap(sources.bodies.facility_unreachable),
  };
};

export type { NoticeTemplates, TemplateContext, TemplateSources };
export { compileTemplates };
