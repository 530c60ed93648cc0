// The starter library: sequences that follow good practice, created through the same sequence API and fully editable.
import { defaultSchedule, defaultSequenceOptions, type SequenceInput, type StepInput } from './sequence';

type Draft = Omit<StepInput, 'variants' | 'attachmentIds' | 'note'> & { variants?: StepInput['variants']; note?: string };
const step = (s: Draft): StepInput => ({ variants: [], attachmentIds: [], note: '', ...s });
const email = (type: 'auto_email' | 'manual_email', delayAmount: number, threadMode: 'reply' | 'new', subject: string, body: string): StepInput =>
  step({ type, delayAmount, delayUnit: 'business_days', threadMode, variants: [{ subject, body }] });

export interface StarterDefinition {
  key: string;
  name: string;
  description: string;
  sequence: SequenceInput;
}

const breakUp = (delay: number) =>
  email(
    'auto_email',
    delay,
    'reply',
    '',
    `Hi {{ first_name | default: "there" }},

I have written a few times and do not want to crowd your inbox. Shall I stop writing?

If the timing is simply wrong, a one-word reply ("later") is enough and I will check back in a few months.

{{ rep_name }}`,
  );

const make = (name: string, description: string, steps: StepInput[]): SequenceInput => ({
  name,
  schedule: defaultSchedule(),
  options: { ...defaultSequenceOptions(), description },
  steps,
});

export const starters: StarterDefinition[] = [
  {
    key: 'inbound-content',
    name: 'Inbound: after a content download',
    description: 'Delivers the guide they asked for, offers related content and a customer example, then asks for a conversation.',
    sequence: make('Inbound: after a content download', 'Delivers the asset, then related content, a customer example and a direct ask.', [
      email(
        'auto_email',
        0,
        'new',
        'Your copy of {{ custom.asset_name | default: "the guide" }}',
        `Hi {{ first_name | default: "there" }},

Thanks for downloading {{ custom.asset_name | default: "our guide" }}. Here is your copy (attached), in case the download page closed too fast.

Most readers get the most out of the checklist on the last pages: it takes ten minutes and shows where the quick wins are.

{{ rep_name }}`,
      ),
      email(
        'auto_email',
        2,
        'reply',
        '',
        `Hi {{ first_name | default: "there" }},

A follow-on piece many readers ask for after the guide: a short worksheet that turns the checklist into a plan for the next quarter. Would it help if I sent it over?

{{ rep_name }}`,
      ),
      step({ type: 'task', delayAmount: 1, delayUnit: 'business_days', threadMode: 'new', note: 'Look at {{company}} on LinkedIn: recent posts, hiring, the team the reader sits in. Note one concrete hook for the next email.' }),
      email(
        'auto_email',
        3,
        'new',
        'How a team like {{ company | default: "yours" }} used it',
        `Hi {{ first_name | default: "there" }},

One of our customers, a team of a similar size, started from the same guide. In their first quarter they cut the time spent on manual follow-up by a third, mostly from the two steps on page 6.

Happy to share the short case study, or to walk you through how they set it up.

{{ rep_name }}`,
      ),
      step({ type: 'call', delayAmount: 2, delayUnit: 'business_days', threadMode: 'new', note: 'Call to ask how the guide landed. Opener: "You downloaded our guide last week; I am calling to see whether the checklist was useful." Goal: a 20-minute conversation.' }),
      email(
        'manual_email',
        2,
        'reply',
        '',
        `Hi {{ first_name | default: "there" }},

Would a 20-minute conversation be useful to see how this would work at {{ company | default: "your company" }}? I can do Tuesday or Thursday afternoon, or pick a time that suits you.

{{ rep_name }}`,
      ),
      breakUp(4),
    ]),
  },
  {
    key: 'outbound-first-touch',
    name: 'Outbound: first touch',
    description: 'A personal introduction, a relevant case study, a call, then a direct ask and a short break-up.',
    sequence: make('Outbound: first touch', 'Personal intro, case study, call and a direct ask.', [
      step({ type: 'task', delayAmount: 0, delayUnit: 'business_days', threadMode: 'new', note: 'Research {{first_name}} and {{company}}: role, recent news, a reason to write now. Add it to the first email before approving it.' }),
      email(
        'manual_email',
        0,
        'new',
        '{{ company | default: "Quick question" }} and follow-up work',
        `Hi {{ first_name | default: "there" }},

I noticed {{ custom.hook | default: "your team is growing" }}. Teams at that stage usually find that follow-up slips once each rep has more than a few dozen open conversations.

We help sales teams keep every follow-up on time without adding tools to their day. Is that a problem you are dealing with at {{ company | default: "the moment" }}?

{{ rep_name }}`,
      ),
      email(
        'auto_email',
        3,
        'reply',
        '',
        `Hi {{ first_name | default: "there" }},

To make this concrete: a team of eight reps we work with went from answering new leads in two days to the same afternoon, and booked 30% more first meetings in their first quarter.

I can send the two-page case study if it is relevant.

{{ rep_name }}`,
      ),
      step({ type: 'call', delayAmount: 2, delayUnit: 'business_days', threadMode: 'new', note: 'Call {{first_name}}. Reference the two emails; ask one question about how follow-up works today. If voicemail: under 20 seconds, name and one line of why.' }),
      step({ type: 'task', delayAmount: 0, delayUnit: 'business_days', threadMode: 'new', note: 'Connect with {{first_name}} on LinkedIn with a short personal note (no pitch).' }),
      email(
        'auto_email',
        3,
        'new',
        '15 minutes next week?',
        `Hi {{ first_name | default: "there" }},

Straight to the point: would you have 15 minutes next week to see whether this fits {{ company | default: "your team" }}? If it does not, I will say so.

{{ rep_name }}`,
      ),
      breakUp(5),
    ]),
  },
  {
    key: 'webinar-follow-up',
    name: 'Webinar follow-up',
    description: 'Sends the recording and slides, follows with the one idea to act on, a call, an offer to talk, and a break-up.',
    sequence: make('Webinar follow-up', 'Recording, key takeaway, call, offer to talk.', [
      email(
        'auto_email',
        0,
        'new',
        'Recording and slides: {{ custom.webinar_title | default: "our webinar" }}',
        `Hi {{ first_name | default: "there" }},

Thanks for joining {{ custom.webinar_title | default: "the webinar" }}. As promised, the recording and the slides are attached and linked below.

If you only have five minutes, skip to the part about the weekly review: it is the one change attendees tell us makes the most difference.

{{ rep_name }}`,
      ),
      email(
        'auto_email',
        2,
        'reply',
        '',
        `Hi {{ first_name | default: "there" }},

One question from the Q&A that we ran out of time for: "how do we start without changing everything?" The short answer is to pick one sequence, run it for two weeks, and compare reply rates. Happy to share the template we use.

{{ rep_name }}`,
      ),
      step({ type: 'call', delayAmount: 2, delayUnit: 'business_days', threadMode: 'new', note: 'Call to ask what they took from the webinar and whether the recording arrived. Goal: understand their current process.' }),
      email(
        'manual_email',
        2,
        'new',
        'Applying it at {{ company | default: "your company" }}',
        `Hi {{ first_name | default: "there" }},

Would it help to spend 20 minutes applying the webinar ideas to {{ company | default: "your team" }}'s process? I will bring a draft plan you can keep either way.

{{ rep_name }}`,
      ),
      breakUp(4),
    ]),
  },
  {
    key: 're-engagement',
    name: 'Re-engagement',
    description: 'For prospects who went quiet: a light check-in, something new and useful, a call, and a polite close.',
    sequence: make('Re-engagement', 'Check-in, something new, call, polite close.', [
      email(
        'auto_email',
        0,
        'new',
        'Still on your list, {{ first_name | default: "there" }}?',
        `Hi {{ first_name | default: "there" }},

We spoke a while ago about follow-up at {{ company | default: "your company" }}. Things may have moved since; is it still on your list this quarter?

{{ rep_name }}`,
      ),
      step({ type: 'task', delayAmount: 1, delayUnit: 'business_days', threadMode: 'new', note: 'Check what changed at {{company}} since the last conversation (new role, funding, hiring). Note it on the prospect.' }),
      email(
        'auto_email',
        3,
        'reply',
        '',
        `Hi {{ first_name | default: "there" }},

Something new since we last spoke: reps can now approve every email from one daily queue, which was the concern you raised. A two-minute video shows it, if useful.

{{ rep_name }}`,
      ),
      step({ type: 'call', delayAmount: 3, delayUnit: 'business_days', threadMode: 'new', note: 'Call to reconnect. Ask what changed and whether the timing is better now.' }),
      breakUp(4),
    ]),
  },
];
