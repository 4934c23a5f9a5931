package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
	"github.com/wardpulse/wardpulse/ingest/extract/segment"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// The find stage: which sentences are meetings and which are concerns, and
// which meeting each concern was raised at. Everything here reads the
// blocks, their tagged dates and the gazetteer; nothing is emitted without
// a day or span the document states and a place that resolves.
var (
	// A sentence is a meeting when it names one and says it happened (or
	// will). A reporter's "gathering" is a meeting when an article or a
	// word such as "similar" or "public" comes before it and where, when
	// or what follows ("At a similar gathering in Hartburn last month
	// people complained about ..."): "a gathering of youths" and "youths
	// gathering on the corner" are what residents complained of, not one.
	meetingNounRE = regexp.MustCompile(`(?i)\b((?:a|an|the|this|that|similar|public|packed|another|such|residents['’]?|community)\s+gatherings?\s+(?:in|at|on|last|earlier|held|organised|organized|called|for|with)|meetings?|agms?|forums?|boards?|assembl(?:y|ies)|surger(?:y|ies)|drop-ins?|drop\s+ins?\s+(?:at|in)\b|walkabouts?|safety walks?|panels?|conferences?|launch|events?|fairs?|open day|partnerships?|committees?|networks?|groups?|councils?|consultations?|briefings?|summits?|workshops?|vigils?|ceremon(?:y|ies)|awards|association|(?:youth )?clubs?|coffee mornings?|coffee (?:and|&) (?:a )?chats?|(?:cuppa|coffee|cake|brew) with a cop(?:per)?|sessions?|pacts?|clinics?|roadshows?|caf(?:e|é)s?|question time|q&a|q and a|get-togethers?)\b`)
	attendRE      = regexp.MustCompile(`(?i)\b(attended|attends|attend|attending|met|meets|held|hosted|hosts|visited|visit|took place|takes place|take place|spoke|speaks|presented|chaired|joined|addressed|opened|launched|went to|travelled to|traveled to|travelled out to|headed to|made (?:his|her|their) way to|was at|will be at|is due|are due|due to|came to|come to|took part|to meet|gave a talk|gave a presentation|spoke to|called in|called on|dropped in|popped in|went along|looked in|speaking at|spoke at|filled|packed|packed into|crowded into|squeezed into|squashed into|crammed into|piled into|turned out|turned up|came along|gathered|put (?:their |his |her )?questions to|heard from|listened to|took questions|answered questions|was invited to|was a guest at|was (?:the |an? )?(?:invited |special )?guest(?: speaker)? at|sat in on|dropped by|stopped by|met with|sat down with|sat with|did (?:a|an|another|our|his|her|their|the) (?:(?:joint|community|ward|street|police|pop-up|evening)\s+)?(?:walkabouts?|walk-?rounds?|surger(?:y|ies)|drop-ins?|street briefings?))\b`)
	futureRE      = regexp.MustCompile(`(?i)\b(will|shall|is due|are due|due to|is to be|are to be|forthcoming|upcoming|coming up|next week|next month|planned for|scheduled|next meeting|next (?:[\w'’]+\s+){1,2}meeting|next pact|to be (?:set|decided|agreed|chosen) at)\b`)
	futureHeadRE  = regexp.MustCompile(`(?i)\b(future|forthcoming|upcoming|coming up|planned|diary|next|ahead|to come|coming (?:weeks|months)|where (?:to )?(?:find|catch|see|meet) us|where we(?:'|’)?ll be|where we will be|dates? for (?:your|the) diary)\b`)
	// meetVerbRE: "met residents of Billingham East ward" is a meeting
	// without a meeting word.
	// ("met Throston residents": a place's name may come between; "joined
	// around forty residents": a count)
	// ("was at Kirklevington Memorial Hall with residents of the Southern
	// Villages ward": a venue, then the public)
	meetVerbRE = regexp.MustCompile(`(?i)\b(?:met|meets|meet|meeting|joined|joins|joining|visited|visits|spoke (?:to|with)|talked (?:to|with)|listened to|listen to|listening to|heard from|hear from|hearing from|heard directly from|hear directly from|hearing directly from|hear first-hand from|heard first-hand from|sat down with)\s+(?:with\s+)?(?:(?:around|about|some|over|nearly|almost|more than|up to)\s+)?(?:(?:[0-9]+|a dozen|dozens of|a few|twenty|thirty|forty|fifty|sixty|seventy|eighty|a hundred)\s+)?(?:local\s+)?(?:(?-i:[A-Z])[\w'’&-]*\s+){0,3}(?:residents|tenants|people|members of the public|the community|worshippers|congregations?|volunteers|pupils|students|young people|traders|shopkeepers|business owners|farmers|parents|villagers)\b|\b(?:met|meets|meeting|joined|visited)\s+(?:with\s+)?members of the\s+(?:[A-Z][\w'’&-]*\s+){0,5}(?:ward\s+)?(?:community|public)\b|\b(?:to meet|met|meet)\s+(?:with\s+)?(?:the\s+)?(?:police and crime commissioner|commissioner|pcc|(?:local\s+)?police|(?:their|local|the) (?:neighbourhood )?(?:officers|police team))\b|\b(?:met|meets|meeting)\s+(?:with\s+)?(?:the\s+)?(?:[A-Z][\w'’&-]*\s+(?:and\s+|&\s+)?){0,4}(?:ward|parish|town|local)?\s*councillors\b|\b(?:visited|visits|went to|was in|spent (?:an|the) evening in)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’&-]*\s+(?:and\s+|&\s+)?){1,4}ward\b|\b(?:was|were) at\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’&-]*\s+){1,5}with\s+(?:local\s+)?(?:residents|tenants|villagers|farmers|parents|traders)\b`)
	// minutesAgreedRE: minutes read, agreed or signed at a meeting are an
	// earlier meeting's record, not a meeting the document reports.
	// ("2. MINUTES OF THE LAST MEETING (13 June 2019)": an item about the
	// previous meeting's record; "119/17 Minutes of 10th Oct 2017. Agreed
	// & signed.")
	minutesAgreedRE = regexp.MustCompile(`(?i)\b(?:minutes|notes) of (?:the )?(?:last|previous|preceding|prior) meeting\b|\bminutes of (?:the\b|(?:\w+\s+){0,3}?meetings?\b)[^.]*?\b(?:agreed|approved|confirmed|accepted|signed|adopted|read)\b|\b(?:agreed|approved|confirmed|signed)\b[^.]{0,20}\bminutes of the\b|\bminutes of (?:[0-9]{1,2}(?:st|nd|rd|th)?\s+\w+|\w+\s+[0-9]{1,2}(?:st|nd|rd|th)?)(?:,?\s+[0-9]{4})?[.;:,–-]?\s+(?:were\s+|was\s+)?(?:agreed|approved|confirmed|accepted|signed|adopted)\b|\bmatters arising\b`)
	// minutesLeadRE: a line that opens with "Minutes" or "Notes" is the
	// record's own heading or date line.
	minutesLeadRE = regexp.MustCompile(`(?i)^\W*(?:minutes|notes?)\b`)
	// recordHeadRE: a heading that says the document is a meeting's
	// record, anywhere in it ("... Residents' Forum – Minutes", "Meeting
	// notes").
	// recordOpenRE: a record's opening line, naming itself and the
	// meeting it records ("Minutes of meeting held Tues 8th Oct", "Notes
	// of the ward meeting held on"), also as a residents' group's post
	// opens under its title and byline ("Below are the notes from our
	// residents' meeting held on Monday 7th March": the items under its
	// later headings were raised there).
	recordOpenRE = regexp.MustCompile(`(?i)\b(?:minutes|notes)\s+(?:of|from)\s+(?:the\s+|a\s+|our\s+)?(?:[\w'’-]+\s+){0,4}?meeting\s+held\b`)
	recordHeadRE = regexp.MustCompile(`(?i)\b(?:minutes|(?:meeting )?notes)\W*$|\bminutes\b|^\W*meeting notes\b`)
	// dateLabelRE: a record's labelled date line.
	dateLabelRE = regexp.MustCompile(`(?i)^\W*(?:date(?: of (?:the )?meeting)?|held(?: on)?|meeting date|when)\s*:`)
	// ("Report of the Annual General Meeting, Monday 24th March 2014":
	// a residents' association's record of its AGM)
	minutesRE = regexp.MustCompile(`(?i)\b(?:minutes|notes?) of (?:the|a\b|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s)|^\W*report of the (?:annual general|annual|extraordinary general|general) meeting\b|^\W*report of the AGM\b`)
	// notesOfDayRE: a record titled by its day ("Skelton residents'
	// meeting: notes of 14th June").
	notesOfDayRE = regexp.MustCompile(`(?i)\b(?:minutes|notes) of (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)
	wardEntryRE  = regexp.MustCompile(`(?i)\bwards?\b`)
	// namedWardRE: a ward by its name ("Hartburn ward", "Norton South Ward"),
	// as a list entry's head names it; not "the ward" of a police report's
	// sentence ("Crime in the ward remains low ... last month").
	namedWardRE = regexp.MustCompile(`\b(?:[A-Z][\w'’&-]*|and|&)\s+(?i:wards?)\b`)
	// meetingOnRE: "raised at the Grangetown ward meeting on 15th October"
	// names a meeting and its day without a verb of attending.
	// ("At the Billingham East ward meeting (26th September), ...": its
	// day in brackets after it)
	meetingOnRE = regexp.MustCompile(`(?i)\b(?:meeting|forum|surgery|board|assembly|walkabout|drop-in)s?\s+(?:(?:held\s+)?on\s+|\()(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:the\s+)?[0-9]{1,2}`)
	// concernCueRE: words that say a concern was raised. People who
	// "came in about" a matter (at a surgery, an office) raised it, as
	// those who came to see someone about it did ("two tenants came in
	// about vans parked on the verges"); only people come in so (the new
	// signs "came in about the same time" raised nothing), and a time
	// after "about" ("came in about 8pm") is no matter. What a report
	// of a meeting says "was the main thing" there ("she said vandalism
	// at the park was the main thing there") was raised there, as "the
	// main thing raised was ..." is; "the main thing is to report it"
	// is advice, no cue. What "the most common question" put was is
	// what people raised ("the main question, by far, was why no one
	// patrols the park"). E-mails from a two-part ward's residents name
	// it with "&" ("e-mails from Hill & Dale residents about dumping").
	concernCueRE = regexp.MustCompile(`(?i)\b((?:e-?mails?|calls?|letters?|messages?|contacts?|correspondence|reports)\b[^.;]{0,60}?\bfrom\s+(?:(?:local|worried|concerned|many|several|other|older|elderly|younger|vulnerable)\s+)?(?:(?:(?-i:[A-Z])[\w'’&-]*|&)\s+){0,4}(?:residents|people|members of the public|the public|tenants|parents|villagers|households)\b[^.;]{0,80}?\b(?:about|asking|wanting|complaining|raising|reporting|regarding|concerning)|(?:subject|topic|theme|matter)\s+(?:in|of)\s+(?:the\s+)?(?:letters?|e-?mails?|calls?|correspondence|contacts?)\b|concerns?|concerned|complain(?:ed|ts?|ing)?|worried|worries|(?:big|biggest|main|major|real|second|other|greatest|only) worry|fed up|frustrat\w*|raised|highlighted|reported (?:problems|issues|incidents)|problems? (?:with|of|caused)|issues? (?:with|of|around|raised|included|discussed)|main issues?|key issues?|burning issues?|areas? of (?:interest|concern)|discussions? (?:about|around|on|regarding|of)|(?:there were|there was|with)\s+(?:also\s+)?(?:some\s+|several\s+|many\s+|a few\s+)?questions (?:about|over|on|regarding)|(?:told|warned|tell|warn) (?:[\w'’]+\s+){0,5}?(?:commissioner|pcc)\b(?:\s+[\w'’]+){0,3}\s+that|(?:the )?(?:talk|conversation|discussion) (?:was|were|turned|centred|centered|focused|focussed) (?:mostly |mainly |largely )?(?:of|about|on|to)|residents (?:said|told|described|spoke)|(?:a|one|another) (?:local )?resident\b[^.]{0,60}\b(?:said|saying|told|asked|added)|^\W*(?:what )?you (?:also )?(?:said|told (?:us|them|him|her|officers|the (?:police|commissioner|pcc|team))|asked|raised)\b|^\W*(?:the )?(?:issues?|concerns?|problems?|complaints?)(?: raised)?\s*:\s*|(?:came|come|comes|cropped|brought|bring|brings) up|(?:people|residents|they) (?:came|kept coming|come|returned) back to|(?:heard|hears|received \w+ (?:calls|letters|emails|complaints)|(?:took|received|had|taken|logged) (?:\w+ )?(?:reports|calls|complaints)) from (?:(?:the|our)\s+)?(?:(?:local|small|corner|nearby)\s+)?(?:residents|people|tenants|traders|villagers|parents|farmers|shopkeepers|businesses|shops|retailers)\b[^.;]{0,80}?\babout|main (?:topics?|subjects?|worry|worries|themes?)|main things?(?:\s+(?:there|raised|found|discussed|people raised))?\s+(?:was|were)|(?:was|were)\s+the\s+(?:main|biggest|big)\s+things?\b|topics? of (?:discussion|conversation)|angry|unhappy|upset|anxious|fears?|feared|afraid|scared|unsafe|dominated|top of the (?:list|agenda)|(?:it was|it's|it is) the same (?:old )?story|\b(?-i:I|[Ww]e)(?:'ve|’ve| have)?\s+(?:also\s+)?(?:had|received|got|been getting)\s+(?:[\w-]+\s+){0,6}?(?:e-?mails|letters|calls|messages)\s+about|wanted to know|(?:most common|commonest|most frequent|most[ -]asked|main|biggest|usual) questions?[\s,]+(?:(?:by far|of all|asked|put to (?:me|him|her|us|them)|on the day)[\s,]+)*(?:was|were)\b|(?:wanted|want|wants) to (?:talk|speak) about|(?:came|come|comes|called in|dropped in|popped in)\s+(?:along\s+)?to\s+(?:see|talk to|speak to|speak with|talk with)\s+(?:me|him|her|us|them|the\s+[\w-]+|(?-i:[A-Z])[\w'’-]+)\s+about|(?:residents?|tenants?|people|neighbours?|parents?|shopkeepers?|traders?|members|villagers|families|someone|(?:a|one|another) (?:man|woman|lady|gentleman|couple|pensioner|mum|dad))\b[^.;]{0,40}?\b(?:came|come|comes|called|dropped|popped|walked)\s+in\s+about\s+[a-z]+|(?:asked|questioned|queried) (?:about|why|what|how|whether)|plagued|blighted|petition(?:s|ed)?|heard (?:(?:loud and clear|a lot|plenty|lots|a great deal|again)\s+)?(?:of|about)|` + andHeardThatRE + `|(?:concentrated|focused|focussed|centred|centered) (?:mainly |mostly |largely )?on|you (?:said|told us|raised) (?:that|about)|(?:asked|called|pressed) for (?:more|action|something) to be done|(?:asked|called|pressed) for (?:more )?action\b|(?:residents|people|villagers|tenants|traders|parents)\b[^.;]{0,60}?\b(?:reported|had received|have received|received)\b)\b`)
	// subjectCueRE: residents (not the police, not the PCC) saying
	// something: "Several people said that ...", "People at the meeting
	// spoke about ...". (A clerk's "Res of Station Rd reported ...".)
	// ("people living near Thornaby Road and Acklam Road told police":
	// where they live may take more words.)
	// ("one man told the meeting", "another woman said": one of the
	// crowd speaking, as "one resident" is; not "a man", who is as
	// often a crime's: "a man was arrested, police said".)
	subjectCueRE = regexp.MustCompile(`(?i)\b((?:residents|people|families|those)\s+(?:living|who live)\s+[^.;]{0,50}|(?:cllrs?|councillors?|coun)\.?\s+(?:(?-i:[A-Z])\.\s*)?(?-i:[A-Z])[\w'’-]+|(?-i:Res)\.?\s+of|residents|people|members of the (?:forum|group|association|residents'? association|network)|worshippers|congregations?|those (?:present|attending|there)|attendees|members of the public|the public|traders|retailers|shoppers|shopkeepers|shop owners|business owners|businesses|landlords|farmers|parents|mothers|fathers|families|pensioners|householders|locals|tenants|pupils|students|young people|teenagers|older people|neighbours|villagers|dog walkers|others|the audience|(?:local|ward) councillors|(?:a|one|another|several|many|some|two|three) (?:local )?(?:residents?|people|members|attendees|farmers?|parents?|shopkeepers?|traders?|tenants?|business owners?|councillors?)|(?:one|another) (?:older |elderly |young )?(?:man|woman|mother|father|mum|dad|pensioner|grandmother|grandfather)|several|many)\b[^.;]{0,40}?\b(spoke|said|says|saying|told|talked|complained|described|mentioned|asked|voiced|expressed|shared|contacted|wrote|emailed|phoned|got in touch|reported)\b`)
	// concernHeadRE: a heading over what residents raised; its list items
	// are concerns without a cue of their own ("### Item 4 – Residents'
	// issues", "Matters raised", "You said").
	concernHeadRE    = regexp.MustCompile(`(?i)\b(?:you said|you told us|what you told us|you asked|you raised|what you said|what you raised|your concerns|community concerns|problems raised|what residents (?:told|said|raised)|key themes|main themes|themes raised|feedback from residents|issues|concerns|matters raised|points raised|questions from|residents'?’?s? (?:questions|points|matters))\b`)
	notConcernHeadRE = regexp.MustCompile(`(?i)\b(?:(?:police|policing|pcsos?'?) (?:update|report|matters|business|item|response|news)|crime (?:update|figures|statistics|report)|action|we did|what we did|we have done|^\W*updates?\b|neighbourhood (?:policing |team |officers?'? )?update|updates? (?:from|by) (?:the )?(?:police|pcsos?|officers?|neighbourhood team)|update \(police\)|matters arising|priorities (?:agreed|set)\b|agreed priorities|purpose|background|future|forthcoming|next|outcome|response|responded|planning|finance|treasurer|correspondence|apologies|declarations? of interest)\b`)
	// saidHeadRE: a "You said" heading: the paragraphs under it are what
	// residents said, cue or not (cards of "You said" / "We did").
	saidHeadRE = regexp.MustCompile(`(?i)^\W*(?:you said|you told us|what you told us|you asked|you raised|what you said|what you raised)\b`)
	// labelHeadRE: a heading that labels part of a section ("You said",
	// "We did") rather than starting a new one.
	labelHeadRE = regexp.MustCompile(`(?i)^\W*(?:you said|you told us|what you told us|you asked|you raised|what you said|we did|we responded|we have done|what we have done|action taken|response|what we did|our response|issues?|concerns?)\W*$`)
	// eachMeetingRE: a concern said of every meeting of its paragraph.
	eachMeetingRE = regexp.MustCompile(`(?i)\b(?:at|in|for) (?:both|each|all) (?:of (?:them|these|the meetings)|meetings|sessions|surgeries|events)?|\bat all (?:three|four|five|of them)\b|\bat both\b`)
	// speakerRE: anyone counted out of a group saying something ("a dog
	// walker described ...", "one mother told the meeting ...", "several
	// shop owners said ..."); speakerCue leaves out the police's and the
	// PCC's own people.
	speakerRE     = regexp.MustCompile(`(?i)\b(?:a|an|one|another|several|many|some|two|three|four|a number of|a few|a group of)\s+((?:[a-z][a-z'’-]*\s+){0,2}[a-z][a-z'’-]*)\b[^.;]{0,40}?\b(?:spoke|said|says|told|talked|complained|described|mentioned|asked|voiced|expressed|shared|explained|warned|felt|feared|pointed out|claimed|questioned)\b`)
	officialWords = regexp.MustCompile(`(?i)\b(?:officers?|police|pcsos?|constables?|inspectors?|sergeants?|superintendents?|commissioners?|pcc|chief|staff|spokesperson|spokesman|spokeswoman|representatives?|members? of (?:the )?(?:team|panel|board))\b`)
	topicCueRE    = regexp.MustCompile(`(?i)\b(issues?|raised|discussed|topics?|concerns?|complaints?|problems?|priorit(?:y|ies)|included)\b`)
	negationRE    = regexp.MustCompile(`(?i)\b(no (?:(?:specific|particular|new|other|further|significant|major|policing|specific policing|new policing)\s+)?(?:concerns|issues|problems|complaints|matters)|not raised|none (?:were|was) raised|nothing (?:was )?raised|(?:didn't|did not|had no|never had) (?:have )?(?:the )?(?:opportunity|chance|time) to (?:raise|explore|discuss|talk about|mention))\b|^\s*(?:none|nothing|n/?a|nil|[-–—])\s*\.?$`)
	planRE        = regexp.MustCompile(`(?i)\b(police and crime plan|my plan|the plan|pledged?|priorities|strategy|manifesto|key objective)\b`)
	// policeUpdateRE: an officer's update is what the police did, not a
	// concern residents raised.
	policeUpdateRE = regexp.MustCompile(`(?i)^\W*(?:the\s+)?(?:pcsos?|pc|police|officers?|sergeant|sgt|inspector|insp|constable|neighbourhood team|police team|commissioner|pcc)\b[^.;]{0,40}\b(?:reported|said|confirmed|explained|updated|outlined|gave|thanked|told)\b`)
	actionRE       = regexp.MustCompile(`(?i)\b(operation\s+(?-i:[A-Z])\w+|in response|as a result|(?:was|were|has been|have been|will be|is being|are being)\s+(?:set up|introduced|arranged|launched|installed|carried out|increased|deployed|referred|passed|targeted|tackled|addressed|put in place|organised|funded|paid for)|(?:has|have|had)\s+(?:since\s+|already\s+|also\s+)?(?:increased|stepped up|carried out|set up|introduced|launched|begun|started|arrested|seized|issued|funded|paid for)|speed watch|the police (?:have|will|are)|officers (?:have|will|are)|` + concernsLedPat + `)`)
	attendanceRE   = regexp.MustCompile(`(?i)\b(?:attended by|attendance of|with|of)\s+(?:around|about|approximately|over|some|nearly|almost)?\s*([0-9]{1,5})\s+(?:local\s+)?(?:people|residents|members of the public|attendees|participants)\b|\b(?:around|about|approximately|over|some|nearly|almost)?\s*([0-9]{1,5})\s+(?:local\s+)?(?:people|residents|members of the public)\s+(?:attended|came|turned up|turned out|were present|took part)`)
	reportTitleRE  = regexp.MustCompile(`(?i)\breport (?:to|of|for)\b`)
	placeHintRE    = regexp.MustCompile(`\b(?:in|at|from|around|near|(?:travelled|traveled|went|headed|journeyed|drove)(?:\s+over|\s+across)?\s+to|visited)\s+((?:[A-Z][\w'’&-]+)(?:\s+(?:[A-Z][\w'’&-]+|and|&)){0,3})`)
)

// meetingCtx is a meeting the paragraphs being read belong to.
type meetingCtx struct {
	ev     *schemas.Event
	span   dates.Span
	place  *gazetteer.Resolution
	name   string // the place as written, without "ward": a clause naming it is about this meeting
	sent   string // the sentence that names the meeting
	sticky bool   // minutes: the whole document is this meeting
	headed bool   // told by a heading: the section under it is this meeting's
}

// walk reads the blocks in order, tracking the section (future meetings or
// not, and the span a heading gives), the current meeting, list lead-ins
// and table headers.
func (r *run) walk() {
	for i := range r.blocks {
		if (i < 3 && residentsGroupRE.MatchString(r.blocks[i].Text)) || (i >= len(r.blocks)-3 && groupImprintRE.MatchString(r.blocks[i].Text)) {
			r.membersPublic = true
		}
	}
	future := false
	var section *dates.Span
	var cur *meetingCtx
	var leadIn *segment.Block // a paragraph ending in ":" that introduces a list
	var header []string
	var prev *segment.Block      // the paragraph before, when it had a day and no meeting
	topicHead := ""              // a heading such as "Residents' issues" or "You said": its list items are concerns
	var placeHead *segment.Block // a heading naming a meeting or ward without its day ("Eston ward"), the day on the line under it
	var dayHead *segment.Block   // a heading of a place and a day only ("South Bank – Thursday 17 June"): an event there if the paragraph under it tells one
	var told []*meetingCtx       // the meetings of the last paragraph that told several, in this section
	subjectHead := ""            // a short heading that names a theme ("Shop theft"): what the "You said" under it is about
	bySubject := false           // the section's paragraphs under subject headings are entries naming the places of the meetings at which it was raised
	weDidSection := false        // under a "We did" heading
	var months *dates.Span       // the span of meetings told one a month ("meetings in January and February"): what follows is said of it
	var lead *segment.Block      // a news item's opening concern, told before the meeting it was raised at
	eachItems := false           // walking the items of a list whose lead-in says they were raised at each meeting
	eachMonth := ""              // the month the last of those items gave, for one that gives only its day ("Weds 13th")
	var datedLead *segment.Block // the same with its day ("... when residents met the Commissioner last night"), its concerns emitted
	datedFrom, datedTo := 0, 0   // those concerns, in r.res.Events
	listed := ""                 // "The concerns are listed below by local authority": the lists under the headings after it are concerns
	listN := 0                   // the list item that told the last meeting of a list of meetings
	var deferred []deferredRef   // paragraphs naming meetings a later table dates (deferredRef)
	runOn := -1                  // the last table row read with the rows before it
	diary := false               // the section is to come only because its heading says "diary" (which may be a log of engagement held)
	meetingLog := false          // the title says the document is a log of one kind of meeting ("Surgery diary"), told month by month
	for i := range r.blocks {
		b := &r.blocks[i]
		if i <= runOn {
			continue
		}
		if len(b.Text) <= 160 && captionRE.MatchString(b.Text) && meetingNounRE.MatchString(b.Text) {
			// "Residents at last night's meeting. Picture by Frank Reid": a
			// photograph's caption, which retells the story's meeting
			continue
		}
		if day, ok := r.postStart[i]; ok {
			// A listing's next post, dated by a line at its foot or head:
			// its relative dates count from its own day, and nothing runs
			// on from the post before.
			r.a.Published = day
			cur, leadIn, prev, told, lead, datedLead = nil, nil, nil, nil, nil, nil
		}
		if r.postDateLine[i] {
			continue
		}
		if b.Cells == nil && partnersListedRE.MatchString(b.Text) {
			r.partnersListed = true
		}
		_, titled := r.postDays[i+1]
		if day, ok := r.postDays[i]; ok || (titled && !b.Bullet && b.Cells == nil) {
			// A listing's next post, from its title over its "Posted on"
			// line: its relative dates count from its own day, and nothing
			// runs on from the post before.
			if ok {
				r.a.Published = day
			}
			cur, leadIn, prev, told, lead, datedLead = nil, nil, nil, nil, nil, nil
			continue
		}
		if b.Heading {
			subjectHead, months = "", nil
			weDidSection = weDidHeadRE.MatchString(b.Text)
			if len(strings.Fields(b.Text)) <= 6 && len(r.themes(b.Text)) > 0 {
				subjectHead = b.Text
			}
			bySubject = bySubject && subjectHead != ""
			l := strings.ToLower(b.Text)
			future = futureHeadRE.MatchString(nextDoorRE.ReplaceAllString(b.Text, "")) && !strings.Contains(l, "purpose") && !headlineQuoteRE.MatchString(b.Text)
			diary = future && !futureHeadRE.MatchString(diaryRE.ReplaceAllString(b.Text, ""))
			// A label heading ("You said", "We did") under a dated one
			// ("April to June 2019") keeps the dated one's span.
			wards, allWards := r.headingWards(b)
			if sp := r.headingSpan(b); sp != nil || !(labelHeadRE.MatchString(b.Text) || wards != nil || allWards) {
				section = sp
			}
			// ("Saltburn" over "Online survey, September and October":
			// the second line of a card's head names no place; the card
			// is still the first line's place's)
			headUnder := i > 0 && r.blocks[i-1].Heading && r.cardPlace != nil && r.cardPlace.Kind == "ward" && len(r.find(b.Text, r.anchorDay())) == 0
			switch {
			case wards != nil:
				r.secPlaces = wards
			case allWards:
				r.secPlaces = r.coveredWards()
			case headUnder:
			case !labelHeadRE.MatchString(b.Text):
				r.secPlaces = nil
			}
			if !labelHeadRE.MatchString(b.Text) && !headUnder {
				r.cardPlace = r.placeHeading(b)
				r.secLAD = r.authorityHeading(b)
			}
			// (a post about one meeting: "## The big three" over what was
			// said at it)
			oneStory := len(r.held) == 1 && r.a.PeriodEnd.IsZero()
			topicHead, r.said, r.topic = "", false, false
			r.secQuiet = notConcernHead(b.Text) && !apologiesLineRE.MatchString(b.Text)
			r.business = businessRE.MatchString(itemNumRE.ReplaceAllString(b.Text, ""))
			if i == 0 {
				meetingLog = meetingLogRE.MatchString(b.Text)
			}
			// (under a log's title, a month's heading, "November 2021", is
			// a heading of the meetings held in it)
			r.logSec = meetingLog && i > 0 && r.headingSpan(b) != nil && !futureHeadRE.MatchString(b.Text)
			r.meetSec = meetingsHeadRE.MatchString(b.Text) && !futureHeadRE.MatchString(b.Text) || r.logSec
			if !(r.partnerSec && columnLabelsRE.MatchString(b.Text)) {
				// ("Date Meeting", the columns of the list under "6.0
				// Partner and stakeholder meetings", is still its section)
				r.partnerSec = partnerMeetingsRE.MatchString(b.Text)
			}
			if concernHeadRE.MatchString(b.Text) && !r.secQuiet {
				topicHead = b.Text
				r.said = saidHeadRE.MatchString(b.Text)
				r.topic = true
			}
			if cur != nil && !cur.sticky && !((storyHeadRE.MatchString(b.Text) || (oneStory && toldHeadRE.MatchString(b.Text)) || (cur.headed && labelHeadRE.MatchString(b.Text))) && len(r.datesOf(b)) == 0 && wards == nil && !allWards) {
				// ("You said" under "Loftus" over "Street briefing, Market
				// Place, Wednesday 14 October": a card's label, and what
				// follows it is still the card's meeting's)
				// ("**What residents told us**" under a news item's
				// meeting: the list is that meeting's)
				cur = nil
			}
			if cur == nil && len(wards) == 1 && r.headingSpan(b) == nil {
				// "## North Ormesby" over a list of what residents chose,
				// after "the two ward surgeries held last week: North
				// Ormesby on Tuesday 28th January ...": the section is
				// the one meeting the document told in that ward.
				cur = r.onlyMeetingIn(wards[0])
			}
			leadIn, header, prev, told = nil, nil, nil, nil
			if (minutesRE.MatchString(b.Text) || minutesLeadRE.MatchString(b.Text)) && cur != nil && cur.sticky {
				// "### 3. Minutes of the meeting of 11th December 2023" in
				// the minutes of January's meeting: an item about the
				// last meeting's record; the items after it are still
				// January's.
			} else if minutesRE.MatchString(b.Text) || minutesLeadRE.MatchString(b.Text) {
				// "## Minutes of the meeting held on Wednesday 7 February
				// 2018": the meeting the minutes record, in a heading.
				if ms, _ := r.meetings(b, b.Text, false, nil); len(ms) > 0 {
					cur = ms[len(ms)-1]
				} else if cur == nil && len(r.held) == 0 {
					r.record = true
				}
			} else if recordHeadRE.MatchString(b.Text) && cur == nil && len(r.held) == 0 {
				r.record = true // "Village Ward Residents' Forum – Minutes"
			} else if cur == nil && namesMeeting(b.Text) {
				// "### Hutton ward meeting – 8 January": a heading that names
				// a meeting and its day is that meeting, and the paragraphs
				// under it its story; "Eston ward" with its day on the line
				// under it, likewise.
				if len(dates.Days(r.datesOf(b))) > 0 || r.meetingMonthHead(b) {
					if ms, _ := r.meetings(b, b.Text, future, nil); len(ms) > 0 {
						cur = ms[len(ms)-1]
						cur.headed = true
					}
				} else if len(r.datesOf(b)) == 0 && b.N > 1 {
					placeHead = b // (not the document's title, whose date line is its publication)
					continue
				} else if len(r.datesOf(b)) == 0 && b.N == 1 && len(r.held) == 0 && ((wardEntryRE.MatchString(b.Text) && meetingNounRE.MatchString(b.Text)) || (upperTitle(b.Text) && pactRE.MatchString(b.Text))) && !reportRE.MatchString(b.Text) {
					// "NEWCOMEN WARD RESIDENTS' MEETING" over "Date: Thursday
					// 15 October 2020": a title naming one meeting is its
					// record. (Not a newsletter's name, "GROVE WARD NEWS":
					// a ward and no meeting word.)
					r.record = true
				}
			}
			placeHead, dayHead = nil, nil
			if cur == nil && r.placeDayHead(b) {
				dayHead = b
			}
			continue
		}
		if dh := dayHead; dh != nil {
			dayHead = nil
			if len(r.datesOf(b)) == 0 && eventToldRE.MatchString(b.Text) {
				// "South Bank – Thursday 17 June" over "The stall at the
				// Market Square in South Bank ran from 11am to 3pm and
				// around 60 people stopped to talk to officers": an event
				// held there that day, and the paragraphs under the
				// heading its story.
				if ms, _ := r.meetings(b, "Community event, "+dh.Text, future, nil); len(ms) == 1 {
					cur, leadIn, told = ms[0], nil, nil
					r.concerns(b, b.Text, ms, section)
					if strings.HasSuffix(b.Text, ":") {
						leadIn = b
					}
					continue
				}
			}
		}
		if ph := placeHead; ph != nil {
			placeHead = nil
			if ds := r.datesOf(b); len(ds) == 1 && ds[0].IsDay() && len(ds[0].Text)*10 >= len(strings.TrimSpace(b.Text))*6 && !r.publicationLine(ds[0]) {
				if ms, _ := r.meetings(b, ph.Text+" – "+b.Text, future, nil); len(ms) > 0 {
					cur = ms[len(ms)-1]
					continue
				}
			}
		}
		if !b.Heading && !b.Bullet && b.Cells == nil && itemNumRE.MatchString(b.Text) {
			// "121/17 Planning." over its applications: a council minute
			// opens the council's business, or ends it.
			r.business = businessRE.MatchString(itemNumRE.ReplaceAllString(b.Text, ""))
		}
		// "Item 2 - Police report PC Marsh reported ...": an item whose
		// label is the police's is quiet like a section under such a
		// heading.
		policeThenPublic := false
		if r.secQuiet && (publicMattersRE.MatchString(b.Text) || publicMattersRE.MatchString(lastSentence(b.Text))) {
			// "140/21 POLICE MATTERS ... b) Matters raised by members of
			// the public / councillors:": what the public raised under the
			// police's item, to the next heading. (Or the police's report
			// ending on "Public session (Standing Orders suspended
			// 7.12pm):" over the residents' points, the report itself
			// still the police's.)
			r.secQuiet = false
			policeThenPublic = !publicMattersRE.MatchString(b.Text)
		}
		r.quiet = r.secQuiet || quietItem(b.Text) || policeThenPublic
		letterOnly := false
		if r.quiet && residentLetterRE.MatchString(b.Text) {
			// "7. Correspondence" over "The Clerk read an email from a
			// resident ... reporting that men in a van had been calling
			// door to door": a resident's report read out, not business
			// (the other letters of the item still are).
			r.quiet, letterOnly = false, true
		}
		if weDidSection {
			continue // under a "We did" heading: the police's own account
		}
		if weDidRE.MatchString(b.Text) {
			// "We did: extra patrols on Friday and Saturday nights": the
			// police's own account under its label, no meeting or concern.
			continue
		}
		before := prev
		prev = nil
		if b.Cells != nil {
			if b.Header || (header == nil && looksLikeHeader(b.Cells)) || (header != nil && slices.Equal(b.Cells, header)) {
				header, r.tableMonth, r.tableWeek, r.tableMeeting, r.rowMonth = b.Cells, "", dates.Mention{}, nil, 0
				if diary && logHeader(header) {
					future = false
				}
				if cur != nil && leadIn != nil && i > 0 && leadIn == &r.blocks[i-1] && cur.ev.Source.Paragraph == leadIn.N {
					// "Priorities set at the previous PACT meeting, held on
					// 10 February 2016, and what happened:" over a "You said
					// | We did" table: the meeting the paragraph introducing
					// the table tells is the one its rows were raised at.
					r.tableMeeting = cur
				}
				continue
			}
			if header != nil {
				if last := r.dateRunOn(i); last > i {
					// "Thursday 27 | North Ormesby | ..." at a page's top,
					// "June | Community Hub | ..." under it: the row's date
					// ran onto the next line, where the word boxes of a
					// table broken across pages no longer joined it; a
					// date wrapped over three lines ("Wednesday" over
					// "12th" over "October"), likewise.
					nb := *b
					nb.Cells = slices.Clone(b.Cells)
					for j := i + 1; j <= last; j++ {
						for k, c := range r.blocks[j].Cells { // (a row's empty cells at its end may be missing)
							nb.Cells[k] = strings.TrimSpace(strings.TrimSpace(nb.Cells[k]) + " " + strings.TrimSpace(c))
						}
					}
					nb.Text = strings.Join(nb.Cells, " | ")
					r.row(&nb, header, future, section, cur)
					runOn = last
					continue
				}
				r.row(b, header, future, section, cur)
				continue
			}
		} else if !b.Bullet {
			header = nil
		}
		if hdr, cells := labelledFields(b.Text); hdr != nil {
			// "Ward: Hutton Date: 8 January 2019 Issues: speeding ...": a
			// card of labelled fields is a table row with its own header.
			card := *b
			card.Cells = cells
			r.row(&card, hdr, future, section, cur)
			continue
		}
		text := b.Text
		if len(b.Cells) == 2 && numberCellRE.MatchString(b.Cells[0]) {
			// "2.2 | Tuesday 7th June – Park End & Beckfield. Around forty
			// ...": a numbered paragraph whose hanging indent pdftotext
			// laid out as two columns is the paragraph.
			text = strings.TrimSpace(b.Cells[1])
		}
		if b.Bullet {
			text = segment.BulletRE.ReplaceAllString(text, "")
		}
		if subjectHead != "" && youSaidRE.MatchString(text) && len(r.themes(text)) == 0 {
			// "### Shop theft" over "You said: shops in Wellington Square
			// were being targeted by the same people again and again":
			// the heading names what was said.
			text = youSaidRE.ReplaceAllString(text, "${0}"+subjectHead+": ")
		}
		if b.Section {
			text = segment.SectionRE.ReplaceAllString(text, "")
		}
		if letterOnly {
			text = residentLetters(text)
		}
		if strings.HasSuffix(text, ":") && (futureHeadRE.MatchString(text) || futureRE.MatchString(text)) && !concernCueRE.MatchString(text) && !agreedPriorities(text) {
			future = true // "The Commissioner will attend the following:"
		}
		if runInFutureHeadRE.MatchString(text) {
			// "Dates for your diary AGM – Tuesday 19th November 2019, 7pm,
			// community centre.": a heading of what is to come that
			// pdftotext ran into its first item, as the heading would.
			future = true
		}
		if cur == nil && len(r.held) == 0 && !r.record && b.N <= 2 && len(dates.Days(r.datesOf(b))) == 0 && (minutesRE.MatchString(text) || recordHeadRE.MatchString(text)) {
			// "Nunthorpe Community Council Minutes of the Community
			// Council meeting" opening a PDF, whose heading marks
			// pdftotext lost: the title of a meeting's record, as a
			// heading saying so would be.
			r.record = true
			continue
		}
		var candidate *segment.Block
		if (cur == nil || cur.sticky) && !b.Section && !b.Bullet {
			candidate = before
		}
		if cur != nil && !cur.sticky && r.onlyDay(b, cur.span) {
			r.refinePlace(cur, text)
		}
		if cur != nil && cur.sticky && minutesTitleRE.MatchString(text) && !minutesAgreedRE.MatchString(text) && !b.Bullet && itemNumRE.FindString(text) == "" {
			// (not a numbered item of these minutes, "43. MINUTES OF THE
			// MEETING HELD ON 22 FEBRUARY 2012", the last meeting's record
			// read and confirmed)
			// "MINUTES OF THE ORDINARY MEETING OF ELWICK PARISH COUNCIL
			// HELD ON MONDAY 10TH MARCH 2014" after February's minutes in
			// one document: the next record, of a meeting held (not one
			// February's minutes speak of as to come), whose items follow.
			var was []*meetingCtx
			for _, m := range append(r.held, cur) {
				if m.sticky {
					m.sticky = false
					was = append(was, m)
				}
			}
			anchor := r.a.Published
			if r.recordAnchored {
				r.a.Published = time.Time{} // (the last record's day is no bound on the next's)
			}
			ms, _ := r.meetings(b, text, false, nil)
			r.a.Published = anchor
			for _, m := range was {
				m.sticky = true
			}
			if len(ms) > 0 {
				// (under the last record's "Date of next meeting": the title
				// ends that item, and its section of things to come)
				cur, leadIn, told, future = ms[len(ms)-1], nil, nil, false
				cur.sticky = true
				if r.recordAnchored {
					r.a.Published = time.Time{} // (the next record counts from its own day)
				}
				r.recordAnchor(cur)
				r.concerns(b, text, ms, section)
				continue
			}
		}
		if r.partnerSec && !residentsRE.MatchString(text) && len(r.themes(text)) == 0 {
			// "• Safer Middlesbrough Partnership - 16 September" under "6.
			// Partnership and strategic meetings": the Commissioner's
			// time with partners, no meeting with the public. (Writers
			// differ on these; one that says what was raised there, "8
			// June – Safer Stockton-on-Tees Partnership: knife crime among
			// young people", is read as a meeting.)
			continue
		}
		if loc := partnerMeetingsRE.FindStringIndex(text); loc != nil && loc[0] < 40 && partnerListRE.MatchString(text[:min(len(text), loc[1]+20)]) && !residentsRE.MatchString(text) {
			// "Appendix A: Partnership meetings attended A.1 Cleveland
			// Local Criminal Justice Board (11 November); Safer Hartlepool
			// Partnership (20 November); ...": a title run into its list.
			continue
		}
		if partnerLeadInList(text) {
			// "4.2 He also went to these partnership meetings, which were
			// not open to the public: Safer Redcar Partnership (3 May);
			// ...": a sentence leading into its list of partner meetings.
			continue
		}
		if strings.HasSuffix(strings.TrimSpace(text), ":") && partnerMeetingsRE.MatchString(text) && !b.Heading {
			r.partnerSec = true // "6.1 The Commissioner also attended the following meetings with partners during the period:"
			continue
		}
		if cur != nil {
			text = earlierOfSeries(text, cur)
		}
		card := r.cardPlace != nil && i > 0 && r.blocks[i-1].Heading && !labelHeadRE.MatchString(r.blocks[i-1].Text) && (cur == nil || !cur.sticky) && !b.Bullet && b.Cells == nil
		r.cardLine = card
		ms, planned := r.meetings(b, text, future, candidate)
		r.cardLine = false
		if card && len(ms) == 1 && len(strings.Fields(text)) <= 14 {
			ms[0].headed = true
		}
		if len(ms) == 0 && !planned && !future && (cur == nil || !cur.sticky) {
			if head := r.dayPlaceLead(b, text); head != "" {
				// "2.2 Tuesday 7th June – Park End & Beckfield. Around forty
				// people came to the community centre on Penrith Road.
				// Residents raised ...": an entry headed by a day and a
				// place, telling the public there, is a meeting there.
				ms, _ = r.meetings(b, "Community meeting, "+head, future, nil)
				for _, m := range ms {
					m.sent = head
				}
			}
		}
		if len(ms) == 0 && cur != nil && !cur.sticky && !b.Heading && r.tellsMeetingOutside(b, text) {
			// "On the 16th I also went with the rural team to a farm watch
			// meeting in Kirklevington, just over the border in North
			// Yorkshire. Farmers raised thefts of fuel ...": the paragraph
			// tells a meeting of its own, not emitted (outside Cleveland);
			// what was raised there is not the meeting told before's.
			cur, told = nil, nil
		}
		if lead != nil && len(ms) == 1 && cur == nil && b.N-lead.N <= 2 {
			// "Residents in south Middlesbrough have told Cleveland's Police
			// and Crime Commissioner that quad bikes and scramblers ... are
			// making their lives a misery." then "Barry Coppinger was
			// speaking to around forty people at the Hemlington ward
			// community meeting ... last night": a news item's opening
			// tells what was raised at the meeting it then tells.
			r.leadPlace = true
			r.concerns(lead, lead.Text, ms, section)
			r.leadPlace = false
		}
		if datedLead != nil && len(ms) == 1 && cur == nil && b.N-datedLead.N <= 2 {
			// "Cars being driven at speed along the seafront at Seaton
			// Carew topped the list of worries when residents met the
			// Commissioner last night." then "Around 40 people came along
			// to the Seaton ward meeting ...": the opening's concern was
			// raised at that meeting, in its place.
			r.rehome(datedFrom, datedTo, ms[0])
		}
		if len(ms) > 0 || (datedLead != nil && b.N-datedLead.N > 2) {
			datedLead = nil
		}
		if len(ms) > 0 || (lead != nil && b.N-lead.N > 2) {
			lead = nil
		}
		if len(ms) > 0 && cur != nil && cur.sticky && !r.record {
			// Minutes that mention another meeting in passing ("the South
			// Bank ward meeting on 6th March had heard much the same"):
			// the items after it are still the recorded meeting's.
			// (what the paragraph says before it tells the other meeting is
			// the recorded meeting's; from there on, the other meeting's:
			// "The Chair thanked those who came on the walkabout on
			// Wednesday 3rd November. Residents walking with the group
			// pointed out fresh graffiti")
			// (In the record's quiet business, "3. MATTERS ARISING ... 3.2
			// Ward walkabout: Cllr Avery reported on the walkabout held on
			// Thursday 8 March with residents ... Graffiti on the underpass
			// was the main problem found": from the sentence telling
			// another meeting held with residents on its own day, what that
			// meeting heard or found is its concerns, though an official
			// reports it; what the item said before stays quiet.)
			k := strings.Index(text, ms[0].sent)
			if k > 0 {
				r.concerns(b, text[:k], []*meetingCtx{cur}, section)
			}
			if k >= 0 && r.quiet && !letterOnly && r.toldPublicMeeting(b, ms) {
				r.quiet = false
			}
			if k > 0 {
				r.concerns(b, text[k:], ms, section)
			} else {
				r.concerns(b, text, ms, section)
			}
			continue
		}
		if recalled(text, ms, cur) {
			// (what was said of the last meeting is its; the current one
			// goes on after it)
			if k, earlier, rest := r.placeLedBefore(text, ms); earlier != nil {
				r.concerns(b, text[:k], []*meetingCtx{earlier}, section)
				r.concerns(b, text[k:], rest, section)
			} else {
				r.concerns(b, text, ms, section)
			}
			continue
		}
		if len(ms) > 0 {
			cur, leadIn = ms[len(ms)-1], nil
			prevTold := told
			told, months = nil, nil
			if b.Bullet && len(ms) == 1 && listN == b.N-1 {
				// "Meetings attended in the period were:" then an item a
				// meeting: the paragraphs after the list tell each of them
				// by its place ("At Jesmond the discussion centred on ..."),
				// as after a paragraph that told several.
				told = append(prevTold, ms...)
			}
			if b.Bullet && len(ms) == 1 {
				listN = b.N
				if len(told) == 0 {
					told = ms
				}
			}
			if sp, ok := monthlyMeetings(ms); ok {
				// "Guisborough Town Council held virtual meetings in January
				// and February 2021." then what was dealt with, not saying
				// at which: said of the two months, at neither meeting.
				cur, months = nil, &sp
			} else if len(ms) > 1 {
				told = ms
			}
			if (r.record || (b.N <= 3 && len(r.held) == 1 && recordOpenRE.MatchString(text))) && len(ms) == 1 && !r.committeeSitting {
				// "MINUTES" over "Meeting held online on Thursday 11
				// March 2021": the whole document is this meeting. So is
				// a record whose first lines run its title and its day
				// together ("SEATON PACT Minutes of meeting held Tues 8th
				// Oct, 6.30pm Venue: ..."): its numbered items under their
				// headings are that meeting's. (Not in a council
				// committee's minutes: their meeting is the committee's
				// sitting, and a meeting with the public an item tells is
				// that item's.)
				cur.sticky, r.record = true, false
				r.recordAnchor(cur)
			}
			if k, earlier, rest := r.placeLedBefore(text, ms); earlier != nil {
				r.concerns(b, text[:k], []*meetingCtx{earlier}, section)
				r.concerns(b, text[k:], rest, section)
			} else {
				r.concerns(b, text, ms, section)
			}
			if strings.HasSuffix(b.Text, ":") {
				leadIn = b
			}
			continue
		}
		if planned {
			if cur != nil && !cur.sticky {
				cur = nil
			}
			if cur == nil || !cur.sticky {
				continue
			}
			// Minutes' item that names the next meeting of something among
			// its other business ("a) Neighbourhood Plan – ... The next
			// meeting of the group was scheduled for next Tuesday. b) Fly
			// Tipping Problems – ..."): the rest is still the meeting's.
			var keep []string
			for _, sent := range sentences(text) {
				if !futureRE.MatchString(sent) {
					keep = append(keep, sent)
				}
			}
			if len(keep) == 0 {
				continue
			}
			text = strings.Join(keep, " ")
		}
		if future {
			continue // a list of what is to come has no concerns yet
		}
		if subjectHead != "" && b.Cells == nil && (cur == nil || !cur.sticky) {
			// "Burglary and theft" over "Grangetown (break-ins at garages)
			// and Marton West (catalytic converters)": the subject at the
			// meetings held in the places the entry names.
			if rest, ok := r.subjectEntries(b, text, subjectHead, bySubject); ok {
				bySubject, cur = true, nil
				if rest == "" {
					continue
				}
				text = rest
			}
		}
		if _, newDay := r.leadDays[b.N-1]; newDay && cur != nil && !cur.sticky {
			// A paragraph of a week told day by day that opens with its
			// weekday tells another day: what it says is not the meeting
			// of the day before's ("**Wednesday** was the partnership
			// board, where partners discussed ...").
			cur = nil
		}
		if cur != nil && !cur.sticky && ((b.Bullet && wholeSpanRE.MatchString(text)) || ((b.Bullet || r.leadDays != nil) && r.officeContact(b, text))) {
			// "3. Recurring issues across the quarter Throughout October,
			// November and December, residents ... contacted us": said of
			// the whole span, not of the meeting told last. ("6. During
			// November the office received a number of calls from
			// Hartlepool residents about rogue traders": contacts to the
			// office, not what the meeting told before heard. So too an
			// aside between the days of a week told day by day: "I have
			// also heard about scams from people who contacted my office
			// in March" is no part of the day before.)
			cur = nil
		}
		if b.Bullet && (cur != nil || leadIn != nil || topicHead != "" || (listed != "" && !weDidSection && !r.secQuiet)) {
			ctx := topicHead
			if leadIn != nil {
				ctx = strings.TrimSpace(leadIn.Text + " " + topicHead)
			} else if ctx == "" && cur == nil {
				ctx = listed
			}
			at := cur
			if cur == nil && leadIn != nil && theseMeetingsRE.MatchString(leadIn.Text) {
				// "Issues raised at these meetings included:" under a table
				// of meetings, then "Hemlington – off-road bikes ...": the
				// item is the meeting of the place it names.
				at = r.heldNamed(text)
			}
			if (at == nil || !at.sticky) && eachItems {
				// "The main concerns raised at each meeting were as
				// follows:" then "· Norton North (22nd June) – residents
				// spoke about cars racing ...": each item heads its meeting
				// by its place and day (one the report told already is
				// that meeting); "· Grangetown (Weds 13th) – ..." under
				// "(Tues 5th July)" is in July.
				if m := placeDayItemRE.FindStringSubmatch(text); m != nil {
					day := strings.ReplaceAll(m[2], ".", "") // ("Tues. 5th July": no sentence ends there)
					if ds := dates.Find(day); len(ds) == 1 && ds[0].Month != 0 {
						eachMonth = ds[0].Month.String()
					} else if len(ds) == 0 && eachMonth != "" && bareDayRE.MatchString(day) {
						day += " " + eachMonth
					}
					at = nil // (an item heading its own meeting is not the last item's)
					if ms, _ := r.meetings(b, "Community meeting, "+m[1]+" "+day, future, nil); len(ms) == 1 {
						at, text = ms[0], strings.TrimSpace(text[len(m[0]):])
					}
				}
			}
			r.bullet(b, text, at, ctx, section)
			continue
		}
		leadIn, eachItems = nil, false
		if r.committeeSitting && cur != nil && !cur.sticky {
			// A council committee's minutes: an officer's account tells
			// the meetings held with the public; the paragraphs after it
			// are the committee's own discussion ("A Member asked about
			// response times", "Councillor Hale reported that residents
			// had contacted her"), said at the committee, not at the
			// meeting told last.
			cur = nil
		}
		// A meeting's story goes on in the paragraphs after it (news items
		// tell the meeting, then what residents raised) until a new
		// section, a heading or a paragraph with a day of its own; minutes
		// are one meeting throughout.
		if cur != nil && !cur.sticky && (b.Section || (len(dates.Days(r.datesOf(b))) > 0 && !r.onlyDay(b, cur.span)) || otherTimeRE.MatchString(text) || otherMonth(text, cur) || r.otherPlaceMeeting(text, cur)) {
			// ("Right, for everyone who couldn't make it down to the
			// community hall tonight, here's what went on" under a post
			// titled by "tonight's ward meeting": the same day goes on
			// with its meeting)
			cur = nil
		}
		sec := section
		if months != nil && (cur != nil || b.Section || len(r.datesOf(b)) > 0) {
			months = nil
		}
		if months != nil && sec == nil {
			sec = months
		}
		if acrossRE.MatchString(text) {
			// "Across the week, the point people came back to was ...",
			// "Over the whole quarter, ...": said of the whole span, not
			// of the meeting told last; dated by the span the document
			// gave before (a range "from Monday 6 to Friday 10 July") in
			// a document with no period of its own, else the section's or
			// the report's.
			if cur != nil && !cur.sticky {
				cur = nil
			}
			if sp, ok := r.rangeBefore(b); ok && section == nil && r.a.PeriodStart.IsZero() {
				sec = &sp
			}
		}
		var ctxs []*meetingCtx
		if cur != nil {
			ctxs = []*meetingCtx{cur}
			if m := attendanceRE.FindStringSubmatch(text); m != nil && strongMeetingRE.MatchString(text) && len(r.datesOf(b)) == 0 {
				// "Around 50 people attended the meeting, ..." in the
				// paragraph after the one that told the meeting.
				n, _ := strconv.Atoi(m[1] + m[2])
				if n > 0 && n <= 100000 {
					r.setAttendance(cur.ev.EventID, n)
				}
			}
		}
		if len(told) > 1 && namesAny(text, told) {
			// "2.1 ... the PCC attended meetings in Kader (1st December),
			// Stainton and Thornton (3rd December) and Stockton Town
			// Centre (10th December). 2.2 Kader residents were unhappy
			// about ... In Stainton and Thornton the discussion centred
			// on ...": each concern is the meeting whose place it names
			// (one naming none is not emitted).
			ctxs = told
		}
		if cur == nil && len(r.held) == 0 && len(r.rowHeld) == 0 && b.N <= 8 && !b.Bullet && len(dates.Days(r.datesOf(b))) == 0 && nthOfMeetingsRE.MatchString(text) && len(r.themes(text)) > 0 {
			// "People in Thornaby have told the Commissioner that drug
			// dealing and off-road bikes are spoiling parts of the town,
			// at the third of three meetings he has attended there this
			// month": the opening tells the meeting the next paragraph
			// tells ("last night"); its month is the round's, no concern's.
			lead = b
			continue
		}
		if cur == nil && ctxs == nil && !b.Bullet && ((len(r.held) > 0 && recapVerbRE.MatchString(text)) || (len(r.held)+len(r.rowHeld) > 0 && recapInVerbRE.MatchString(text))) {
			text = r.recapRaised(b, text, sec)
		}
		if cur == nil && ctxs == nil && len(r.datesOf(b)) == 0 {
			// "4.8 The same Headland meeting raised damage to the bus
			// shelters", "... the main complaint at the Ingleby Barwick
			// forum. At Grangetown, residents also told ...": a report
			// grouped by theme names again the meetings it told before.
			ctxs = r.heldRefs(text)
			if ctxs == nil && !strings.HasSuffix(text, ":") && len(r.heldRefPlaces(text)) > 0 && r.meetingTableAfter(i) {
				// "3.4 Residents at the Loftus ward meeting were concerned
				// about ..." before "4.0 Meetings" and its table of the
				// meetings with their days: read once the table has told
				// them (see deferredRef).
				deferred = append(deferred, deferredRef{b: b, text: text, sec: sec})
				continue
			}
		}
		said := text
		if cur != nil && !cur.sticky && len(ctxs) == 1 && ctxs[0] == cur {
			// A later sentence of the paragraph opening on another time
			// ends the meeting's story there, as a paragraph opening on
			// one does ("Residents also asked about lighting. Last week
			// he was in Hemlington, where people spoke of dealing"): what
			// it tells is not the meeting told before.
			if k := otherTimeSentence(text); k > 0 {
				said = strings.TrimSpace(text[:k])
			}
		}
		emitted := len(r.res.Events)
		if k, earlier, rest := r.placeLedBefore(said, ctxs); earlier != nil {
			r.concerns(b, said[:k], []*meetingCtx{earlier}, sec)
			r.concerns(b, said[k:], rest, sec)
		} else {
			r.concerns(b, said, ctxs, sec)
		}
		if cur == nil && len(r.held) == 0 && len(r.rowHeld) == 0 && b.N <= 8 && !b.Bullet && len(r.datesOf(b)) == 0 && len(r.res.Events) == emitted &&
			(concernCueRE.MatchString(text) || subjectCueRE.MatchString(text) || toldPCCRE.MatchString(text) || publicSayRE.MatchString(text)) && len(r.themes(text)) > 0 &&
			(!roundLeadRE.MatchString(text) || nthOfMeetingsRE.MatchString(text)) {
			// (An opening that sums up a round of meetings, "Speeding, scams
			// and county lines drug dealing were among the concerns put to
			// the Commissioner at a run of community meetings", tells what
			// the paragraphs after it tell meeting by meeting: none of it
			// is the first meeting's alone.)
			lead = b // (told again at the meeting the next paragraphs tell, if they do)
		}
		if cur == nil && len(r.held) == 0 && b.N <= 4 && !b.Bullet && len(dates.Days(r.datesOf(b))) == 1 && len(r.res.Events) > emitted {
			datedLead, datedFrom, datedTo = b, emitted, len(r.res.Events)
		}
		if strings.HasSuffix(b.Text, ":") && (cur != nil || concernCueRE.MatchString(b.Text) || subjectCueRE.MatchString(b.Text)) {
			leadIn = b
			eachItems, eachMonth = raisedAtEachRE.MatchString(b.Text), ""
		} else if visitedLead(b.Text) {
			leadIn = b
			eachItems, eachMonth = true, ""
			if ds := dates.Find(b.Text); len(ds) == 1 && ds[0].Month != 0 && ds[0].Day == 0 {
				eachMonth = ds[0].Month.String() // ("In May she visited ... wards:" over "(21st)")
			}
		}
		if l := listedBelowRE.FindString(text); l != "" {
			listed = l
		}
		if cur == nil && len(dates.Days(r.datesOf(b))) > 0 && !r.officialsMet[b.N] && !quotedTodayOnly(b.Text, r.datesOf(b)) {
			prev = b
		}
	}
	for _, d := range deferred {
		r.concerns(d.b, d.text, r.heldRefs(d.text), d.sec)
	}
}

// toldAgainApart is the one meeting held at a place the sentence names
// when the document dated it already, delta days after another meeting it
// dated: "The Hillside meeting a week later was dominated by ..." after a
// table of meetings (its last row another's) tells the table's Hillside
// meeting again, a week after the one the paragraph before told, not a
// meeting a week after the table's last row. nil when no meeting there,
// several, or none of the document's meetings is delta days before it.
func (r *run) toldAgainApart(sent string, delta int) *meetingCtx {
	for _, p := range r.find(sent, r.anchorDay()) {
		if m := r.heldAt(p); m != nil && r.heldApart(m, delta) {
			return m
		}
	}
	return nil
}

// heldApart reports whether meeting m, held on a day, is delta days
// (not none) after another meeting the document dated.
func (r *run) heldApart(m *meetingCtx, delta int) bool {
	if delta == 0 || m.span.Precision != dates.Day {
		return false
	}
	for _, h := range slices.Concat(r.held, r.rowHeld) {
		if h.ev.EventID != m.ev.EventID && h.span.Precision == dates.Day && h.span.Start.AddDate(0, 0, delta).Equal(m.span.Start) {
			return true
		}
	}
	return false
}

// laterRefFits reports whether the words after place p name its meeting,
// a day counted from another ("a week later", "the following day") and a
// verb of what it heard ("The Hillside meeting a week later was dominated
// by ..."), and the one meeting the document dated at p is that many days
// after another it dated (heldApart): the table's meeting told again, a
// week after the one the paragraph before told.
func (r *run) laterRefFits(p gazetteer.Mention, after string) bool {
	loc := laterRefRaisedRE.FindStringSubmatchIndex(after)
	if loc == nil {
		return false
	}
	rel := after[loc[2]:loc[3]]
	d := sameDayRE.FindStringSubmatchIndex(rel)
	if d == nil || d[0] != 0 || d[1] != len(rel) {
		return false
	}
	delta, _ := sameDayOffset(rel, d)
	m := r.heldAt(p)
	return m != nil && r.heldApart(m, delta)
}

// laterRefRaisedRE: a meeting noun, a day counted from another, and a
// verb of what the meeting heard.
var laterRefRaisedRE = regexp.MustCompile(`^(?:\s+[\w'’&-]+){0,3}?\s+(?:[Mm]eeting|[Ff]orum|[Ss]urgery|PACT|[Dd]rop-in),?\s+([a-z][\w\s]{2,30}?),?\s+(?:also\s+)?(?:raised|heard|discussed|was told|focused|centred|talked about|spoke about|was (?:(?:mainly|mostly|largely|chiefly)\s+)?(?:concerned (?:with|about)|dominated by|taken up with))\b`)

// deferredRef is a paragraph that names a meeting by its place without its
// day ("At the Hillside ward meeting residents complained of ...", "At
// Brookfield the worry was ...") where no meeting there was told before it
// but a table of meetings with a date column comes after it: a Panel
// report tells what was raised in its narrative sections, then lists the
// meetings attended with their days in a summary table ("4.0 Meetings").
// The paragraph is read once the walk has read the table, each meeting it
// names again being the one meeting the document dated there (heldRefs);
// one naming no such meeting is read as it would have been.
type deferredRef struct {
	b    *segment.Block
	text string
	sec  *dates.Span
}

// meetingTableAfter reports whether a table header after block i has a
// date column and a meeting or place column (a summary of meetings
// attended).
func (r *run) meetingTableAfter(i int) bool {
	for j := i + 1; j < len(r.blocks); j++ {
		b := &r.blocks[j]
		if !b.Header {
			continue
		}
		date, meeting := false, false
		for _, c := range b.Cells {
			switch colKind(c) {
			case "date":
				date = true
			case "meeting", "venue", "place":
				meeting = true
			}
		}
		if date && meeting {
			return true
		}
	}
	return false
}

// nthOfMeetingsRE: one meeting of a round of them ("at the third of three
// meetings", "the last of his four visits").
// roundLeadRE: an opening that speaks of a round of meetings it does not
// count. (One that counts them, "at two packed meetings this week", tells
// the meetings the next paragraphs tell, and is read as before.)
var roundLeadRE = regexp.MustCompile(`(?i)\b(?:a (?:run|series|round|string|number) of|several|recent) (?:\w+ ){0,2}(?:meetings|visits|surgeries|forums)\b`)

var nthOfMeetingsRE = regexp.MustCompile(`(?i)\bthe (?:first|second|third|fourth|fifth|last|latest|final) of (?:the |his |her |their |our )?(?:two |three |four |five |six |several |[0-9]+ )?(?:\w+ )?(?:meetings|visits|sessions|surgeries|forums)\b`)

// otherPlaceMeeting reports whether a paragraph that the walk did not read
// as a meeting of its own still tells one: a meeting word with a place of
// Cleveland beside it that is not the place of the meeting told before
// ("The coffee morning we ran for Grove Hill residents at the church on
// the 9th was quiet, but ...", "Some of us also went along to the police
// drop in at Hemlington", "At a gathering in Stockton town centre,
// shopkeepers ..."). What the paragraph tells is that other meeting's, not
// the one before's, so the story of the one before ends there (a meeting
// left unread is a miss; its concerns at the wrong place and day would be
// wrong events). A meeting referred back to ("the same meeting", "that
// meeting") and a place the meeting before named itself (its venue's
// area) do not end it; nor does the authority's own name.
func (r *run) otherPlaceMeeting(text string, cur *meetingCtx) bool {
	for _, sent := range sentences(text) {
		if sameMeetingBackRE.MatchString(sent) {
			continue
		}
		for _, loc := range otherMeetingNounRE.FindAllStringIndex(sent, -1) {
			from, to := max(0, loc[0]-40), min(len(sent), loc[1]+50)
			for _, m := range r.find(sent, cur.span.Start) {
				if m.Start < from || m.End > to || strings.ContainsAny(sent[min(m.End, loc[0]):max(m.Start, loc[1])], ".;") {
					continue
				}
				if m.Kind == "lad" && strings.EqualFold(m.Text, m.LADName) {
					continue // ("a meeting in Hartlepool": the authority, which the meeting before is in too)
				}
				if cur.place != nil && m.WardCode != "" && m.WardCode == cur.place.WardCode {
					continue
				}
				if cur.place != nil && cur.place.WardCode == "" && m.LADCode == cur.place.LADCode && backRefRE.MatchString(sent) {
					// "Residents crammed into a Hartlepool church hall
					// ..." then "The public meeting, organised by Jesmond
					// ward councillors ...": the meeting told before, placed
					// only by its town, named again with its ward.
					continue
				}
				if strings.Contains(cur.sent, m.Text) || (cur.place != nil && strings.EqualFold(cur.place.Text, m.Text)) || strings.EqualFold(cur.name, m.Text) {
					continue
				}
				if cur.place != nil && m.LADCode == cur.place.LADCode && venueBackRE.MatchString(sent) {
					// "Around thirty came to the meeting at Salters
					// Lane Community Centre in Stockton": the meeting
					// told before (meetingVenueWard), its venue's town
					continue
				}
				return true
			}
		}
	}
	return false
}

// otherMeetingNounRE: a meeting word a paragraph may tell a meeting of
// its own by (a spaced "drop in" only as a noun with its place after:
// "the police drop in at X", not "a drop in crime").
var otherMeetingNounRE = regexp.MustCompile(`(?i)\b(?:meetings?|forums?|surger(?:y|ies)|drop-ins?|drop\s+ins?\s+(?:at|in)\b|walkabouts?|pacts?|coffee mornings?|clinics?|gatherings?|street briefings?)\b`)

// sameMeetingBackRE: a sentence referring back to the meeting told before.
var sameMeetingBackRE = regexp.MustCompile(`(?i)\b(?:the same|that|this|the last|the previous|the earlier)\s+(?:[\w'’-]+\s+)?(?:meeting|forum|surgery|drop-in|walkabout|pact|session)\b`)

// otherMonth reports whether a paragraph's sentence opens on a month
// other than its meeting's ("A: During August more than a dozen members
// contacted the committee ..." after the answer that told March's
// meeting): it speaks of that month, not of the meeting told before.
func otherMonth(text string, cur *meetingCtx) bool {
	for _, m := range monthOpensRE.FindAllStringSubmatch(text, -1) {
		if t, err := time.Parse("January", strings.ToUpper(m[1][:1])+strings.ToLower(m[1][1:])); err == nil && t.Month() != cur.span.Start.Month() {
			return true
		}
	}
	return false
}

// monthOpensRE: a sentence opening on a month ("During August", "In
// March", "Throughout July"; a "You said:" entry's "all through March",
// lots of contacts over a month after a meeting's entry of another).
var monthOpensRE = regexp.MustCompile(`(?i)(?:^|[.!?:]\s+)(?:during|throughout|over|in|across|all\s+through(?:out)?)\s+(?:the\s+month\s+of\s+|the\s+course\s+of\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\b`)

// listedBelowRE: a document saying that the lists below are residents'
// concerns ("The concerns are listed below by local authority", "what you
// told us is set out below"), whatever headings stand between.
var listedBelowRE = regexp.MustCompile(`(?i)\b(?:the |your |residents'? |these )?(?:concerns|issues|priorities|what (?:you|residents|people) (?:told|raised with) us)\b[^.;:]{0,40}?\b(?:are|is) (?:listed|set out|summari[sz]ed|given|shown) below\b`)

// venueWard is the ward a venue that re finds in s is named for ("at
// Loftus Town Hall" with venueWardRE; "Newport Hub", "Eston Library" with
// or without "at", namedVenueRE), or nil.
func (r *run) venueWard(re *regexp.Regexp, s string, at time.Time) *gazetteer.Resolution {
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		name := strings.TrimSpace(m[1])
		for _, w := range r.find(name+" ward", at) {
			if w.Kind == "ward" && w.Start == 0 {
				res := w.Resolution
				return &res
			}
		}
		if res, ok := r.jointPart(name, at); ok {
			return &res // "Hardwick Community Centre, Stockton": Hardwick and Salters Lane
		}
	}
	return nil
}

var namedVenueRE = regexp.MustCompile(`\b((?:[A-Z][\w'’-]*\s+){1,3})(?:Town Hall|Village Hall|Civic Hall|Community Centre|Community Hub|Hub|Library|Institute|TOWN HALL|VILLAGE HALL|CIVIC HALL|COMMUNITY CENTRE|COMMUNITY HUB|LIBRARY)\b`)

// partWard is the ward of a joint ward's part that a meeting, its venue or
// its group is named for ("the Hardwick PACT", "Hardwick Community Hall",
// "the Rossmere Youth Centre" before 2020, when the ward was Fens and
// Rossmere): residents and reporters call their estate by its own name,
// not the ward's, and a venue or body named for it is in the one ward whose
// name joins it with another's (PartOfWard: one ward, in any authority).
// Only a name the gazetteer does not hold alone (a ward, town or area of its
// own keeps its own reading, "Stockton Town Centre PACT" is Stockton's) and
// only before a venue or meeting body's word: "Hardwick Road" or "a Mr
// Hardwick" is no place. lad, when not empty, is the authority the text
// names: a part of another authority's ward leaves the place as it was.
func (r *run) partWard(s, lad string, at time.Time) *gazetteer.Resolution {
	for _, m := range partNamedRE.FindAllStringSubmatch(s, -1) {
		name := strings.TrimSpace(m[1])
		if strings.ToUpper(name) == name {
			name = titleCase(name) // ("HARDWICK RESIDENTS' ASSOCIATION")
		}
		if f := strings.Fields(name); len(f) > 1 && strings.EqualFold(f[0], "the") {
			name = strings.Join(f[1:], " ") // ("THE HARDWICK PACT")
		}
		res, ok := r.jointPart(name, at)
		if !ok || (lad != "" && res.LADCode != lad) {
			continue
		}
		return &res
	}
	return nil
}

// jointPart is the ward whose name joins name with another place's
// ("Hardwick" in Hardwick and Salters Lane), when the gazetteer holds no
// ward, town or area of that name alone (which keeps its own reading);
// none when the name is joined in wards of two authorities (PartOfWard).
func (r *run) jointPart(name string, at time.Time) (gazetteer.Resolution, bool) {
	name = strings.TrimSpace(name)
	if name == "" || len(r.find(name, at)) > 0 {
		return gazetteer.Resolution{}, false
	}
	return r.x.gaz.PartOfWard(name, at)
}

// partNamedRE: a one- or two-word name before a venue's or a meeting
// body's word ("Hardwick Community Hall", "Rossmere Youth Centre",
// "Hardwick PACT", "Salters Lane Residents' Association"): group 1 the
// name.
var partNamedRE = regexp.MustCompile(`\b((?:\p{Lu}[\w'’-]*\s+){1,2})(?:(?i:community\s+(?:hall|centre|center|hub|room|council)|youth\s+(?:centre|club)|village\s+hall|church\s+hall|library)|PACT|(?i:(?:residents|tenants)['’]?\s+(?:(?:&|and)\s+(?:residents|tenants)['’]?\s+)?(?:association|group|forum|meeting)))\b`)

// pactRE: a Police and Communities Together meeting's name.
var pactRE = regexp.MustCompile(`(?i)\bpact\b|\bpolice and communities together\b`)

// upperTitle reports whether a title is written in capitals, as a
// record's is ("PARK END & BECKFIELD POLICE AND COMMUNITIES TOGETHER
// (PACT) MEETING"), not a news item's headline.
func upperTitle(s string) bool {
	up, low := 0, 0
	for _, c := range s {
		switch {
		case unicode.IsUpper(c):
			up++
		case unicode.IsLower(c):
			low++
		}
	}
	return up > 10 && low*10 < up
}

var venueWardRE = regexp.MustCompile(`\bat (?:the )?((?:[A-Z][\w'’-]*\s+){1,3})(?:Town Hall|Village Hall|Civic Hall|Community Centre|Community Hub|Library|Institute)\b`)

// bracketedWard is the ward a name before its authority in brackets
// names ("Kader (Middlesbrough)", an entry of a list of ward meetings), or
// a body's name before "in" its authority opens with ("Newport Community
// Council in Middlesbrough"), or a name before its authority after a comma
// ("Kader, Middlesbrough"), when that authority has a ward of that name at
// the date, or one ward of it joins the name with another's ("Hardwick,
// Stockton-on-Tees" in Hardwick and Salters Lane); nil otherwise.
func (r *run) bracketedWard(s string, lad gazetteer.Mention, at time.Time) *gazetteer.Resolution {
	var name string
	switch {
	case lad.Start >= 2 && s[lad.Start-1] == '(':
		m := nameBeforeRE.FindStringSubmatch(s[:lad.Start-1])
		if m == nil {
			return nil
		}
		name = m[1]
	case strings.HasSuffix(s[:lad.Start], " in "):
		// "Newport Community Council in Middlesbrough": a body named
		// after its ward, in the ward's authority.
		if m := peopleOfWardMeetingRE.FindStringSubmatch(s[:lad.Start]); m != nil {
			name = m[1]
			break
		}
		m := nameBeforeRE.FindStringSubmatch(strings.TrimSuffix(s[:lad.Start], " in "))
		if m == nil {
			return nil
		}
		name = m[1]
	case strings.HasSuffix(s[:lad.Start], ", "):
		// "a walkabout in Hardwick, Stockton-on-Tees": a name written
		// with its authority after a comma, as an address is
		m := nameBeforeRE.FindStringSubmatch(strings.TrimSuffix(s[:lad.Start], ", "))
		if m == nil {
			return nil
		}
		name = m[1]
	default:
		return nil
	}
	words := strings.Fields(name)
	for k := len(words); k >= 1; k-- {
		for _, w := range r.find(strings.Join(words[:k], " ")+" ward", at) {
			if w.Kind == "ward" && w.LADCode == lad.LADCode && w.Start == 0 {
				res := w.Resolution
				return &res
			}
		}
	}
	if res, ok := r.x.gaz.PartOfWard(name, at); ok && res.LADCode == lad.LADCode {
		// "on a walkabout in Hardwick, Stockton-on-Tees", "Greenvale
		// (Middlesbrough)": a name the gazetteer does not hold alone (a
		// surname too), written with its authority, so a place of it,
		// that one ward of that authority joins with another's
		// ("Hardwick and Salters Lane") is in that ward.
		return &res
	}
	return nil
}

// peopleOfWardMeetingRE: the people of a place at their own ward's
// meeting in an authority ("he sat down with tenants from Mill Hill at
// their ward meeting in Hartlepool"; group 1: the place): the meeting of
// the ward the people are of, so the name, though the gazetteer does not
// take it alone (a surname too), is that authority's ward of it (or one
// joining it with another's), as "Hardwick, Stockton-on-Tees" is. Only
// with "their" (or "the") and "ward"/"community" before "meeting": "met
// residents of X at a meeting in Y" says nothing of whose meeting it was.
var peopleOfWardMeetingRE = regexp.MustCompile(`\b(?:residents|people|tenants|householders|families|members)\s+(?:of|from)\s+((?:[A-Z][\w'’-]*\s+(?:(?:&|and)\s+)?){0,2}[A-Z][\w'’-]*)\s+at\s+(?:their|the)\s+(?:own\s+)?(?:ward|community|residents['’]?)\s+meeting\s+in\s+$`)

// nameBeforeRE: a capitalised name (one to four words) ending a text,
// before a bracket.
var nameBeforeRE = regexp.MustCompile(`((?:[A-Z][\w'’-]*\s+(?:(?:&|and)\s+)?){0,3}[A-Z][\w'’-]*)\s*$`)

// meetingsHeadRE: a heading over meetings held ("Ward meetings held
// online", "3. Community meetings").
// partnerMeetingsRE: a heading or a list's lead-in naming meetings with
// partners ("Partnership and strategic meetings", "Meetings with partners",
// "the following meetings with partners during the period:").
var partnerMeetingsRE = regexp.MustCompile(`(?i)\b(?:partnership|strategic|partner|governance|internal|board)s?\b[^.:]{0,30}\bmeetings?\b|\bmeetings?\s+(?:with|of)\s+(?:our\s+|his\s+|her\s+)?(?:partners|partner agencies|boards)\b`)

// partnersListedRE: a report saying it lists its partnership meetings or
// boards only to show the Commissioner's time ("Partnership meetings are
// shown in italics for completeness", "He also sits on several boards.
// These are included below for information."): their rows are no meetings
// with the public.
var partnersListedRE = regexp.MustCompile(`(?is)\b(?:partner(?:ship)?s?|boards?)\b.{0,120}?\b(?:listed|shown|included|set out|given)\b[^.]{0,60}?\bfor\s+(?:completeness|information)\b`)

// partnerLeadRE: a sentence leading, by its colon, into a list of
// meetings with partners run on in the same paragraph ("the following
// partner meetings, at which no members of the public were present:",
// "these strategic meetings:"). Reports list these to show the
// Commissioner's time; what follows the colon are boards, not meetings
// with the public.
var partnerLeadRE = regexp.MustCompile(`(?i)\b(?:the following|these|other)\s+(?:[\w-]+\s+){0,2}?(?:partner(?:ship)?|strategic|governance|board)s?\s+meetings?\b[^:.;]{0,80}:\s*\S`)

// partnerLeadInList reports whether text is a lead-in sentence, near its
// start, into a run-on list of meetings with partners (partnerLeadRE) with
// no word of the public after the colon: "the following partner meetings,
// where no members of the public were present: Safer Hartlepool Partnership
// (2 May); Youth Justice Board (9 May)". (The lead-in's own words about
// the public, which say they were not there, are not read.) A list that
// tells what residents raised ("...: Hartburn partnership meeting, where
// residents raised parking") is left to be read.
func partnerLeadInList(text string) bool {
	loc := partnerLeadRE.FindStringIndex(text)
	if loc == nil || loc[0] > 100 {
		return false
	}
	return !residentsRE.MatchString(text[loc[1]-1:])
}

// partnerListRE: a title of meetings with partners that opens a list of
// them ("Partnership meetings attended", "Partner meetings:").
var partnerListRE = regexp.MustCompile(`(?i)\bmeetings?\s*(?:attended|held|:)`)

// columnLabelsRE: a line of a table's column labels alone ("Date Meeting",
// "Date  Meeting  Venue").
var columnLabelsRE = regexp.MustCompile(`(?i)^\W*(?:(?:date|day|meeting|venue|location|area|ward|time|place|organisation|body|event)s?\b[\s|/&,]*){2,5}$`)

// residentsRE: the public, in a line about a meeting.
var residentsRE = regexp.MustCompile(`(?i)\b(?:residents?|the public|members of the public|villagers|tenants|people living)\b`)

// meetingLogRE: a title saying the document is a log of one kind of
// meeting ("Surgery diary: what you've told me, month by month").
var meetingLogRE = regexp.MustCompile(`(?i)\b(?:surgery|surgeries|pact|ward meeting|drop-in)\s+(?:diary|log|record)\b`)

var meetingsHeadRE = regexp.MustCompile(`(?i)\b(?:ward|community|residents'?|pact|public|neighbourhood)\s+meetings\b`)

// wholeSpanRE: words that say a text is of a whole span, anywhere in it.
var wholeSpanRE = regexp.MustCompile(`(?i)\b(?:across|over|throughout) the (?:whole |entire )?(?:quarter|period|year)\b|\bthroughout (?:january|february|march|april|may|june|july|august|september|october|november|december)\b`)

// backRefRE: a sentence opening on a meeting by a definite reference ("The
// meeting", "At the ward's community meeting", "During Tuesday's session").
var backRefRE = regexp.MustCompile(`(?i)^\W*(?:(?:at|during|after|throughout)\s+)?(?:the|that|this|its|their|[a-z]+'s)\s+(?:[\w&'-]+\s+){0,4}?(?:meeting|forum|surgery|session|event|drop-in|walkabout|gathering|meet)\b`)

// namesAny reports whether text names the place of one of meetings ms.
func namesAny(text string, ms []*meetingCtx) bool {
	for _, m := range ms {
		if m.name != "" && strings.Contains(text, m.name) {
			return true
		}
	}
	return false
}

// meetingsOfVillage are the meetings, of several told in one paragraph,
// held in the ward of a village (or estate) a sentence names though it
// names no meeting's own place: "street briefings in the Throston ward on
// 6 December and in the Rural West ward, at Elwick chapel rooms, on 8
// December ... At Elwick the concerns had been hare coursing": Elwick is
// in Rural West, so its sentence is that meeting's, not the one named in
// the sentence before.
func (r *run) meetingsOfVillage(s string, ms []*meetingCtx) []*meetingCtx {
	var out []*meetingCtx
	for _, m := range ms {
		if m.place == nil || m.place.Kind != "ward" || m.place.WardCode == "" {
			continue
		}
		for _, p := range r.find(s, m.span.Start) {
			if p.WardCode == m.place.WardCode && r.x.gaz.Village(p.Text) {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// earlierOfSeries names the meeting a sentence refers to only by its
// order in a series the sentence before counts ("It was the second such
// meeting in the ward this year. At the first, in March, residents
// raised ..."): an earlier meeting of the same kind in the same place as
// the meeting told last (cur), in the month the sentence gives. Its text
// is rewritten to say so ("At the first meeting in North Ormesby, in
// March, ..."), for the rules that read a meeting told with its place and
// month. Only "At the first/previous/earlier/last" directly followed by
// "in <month>", after a sentence that counts the meeting told as the
// second (third, ...) one.
func earlierOfSeries(text string, cur *meetingCtx) string {
	if cur.name == "" || cur.place == nil || !nthSuchRE.MatchString(text) {
		return text
	}
	sents := sentences(text)
	for i := 1; i < len(sents); i++ {
		if !nthSuchRE.MatchString(sents[i-1]) {
			continue
		}
		loc := atTheFirstRE.FindStringSubmatchIndex(sents[i])
		if loc == nil {
			continue
		}
		rewritten := sents[i][:loc[3]] + " meeting in " + cur.name + sents[i][loc[3]:]
		return strings.Replace(text, sents[i], rewritten, 1)
	}
	return text
}

var (
	// nthSuchRE: a sentence counting a meeting in a series ("the second
	// such meeting", "the third of these meetings").
	nthSuchRE = regexp.MustCompile(`(?i)\bthe (?:second|third|fourth|fifth) (?:such |of (?:these |the |its |their )?)?(?:public |community |ward |residents'? )?(?:meetings?|forums?|surger(?:y|ies)|sessions?)\b`)
	// atTheFirstRE: a sentence opening on an earlier meeting of the
	// series by its order alone (group 1 ends the ordinal), then its
	// month.
	atTheFirstRE = regexp.MustCompile(`(?i)^\W*(at the (?:first|previous|earlier|last)(?: one)?)\s*,?\s+in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b`)
)

// acrossRE: a paragraph that opens by speaking of a whole span ("Across
// the week", "Over the whole quarter", "Throughout the tour", "Throughout
// October").
var acrossRE = regexp.MustCompile(`(?i)^\W*(?:(?:across|over|throughout|during|in the course of)\s+(?:the|this|that|his|her)\s+(?:whole\s+|entire\s+)?(?:week|fortnight|month|quarter|period|tour|visit|programme|winter|summer|spring|autumn)\b|(?:throughout|during|over)\s+(?:the\s+month\s+of\s+|the\s+course\s+of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)`)

// rangeBefore is the last range of days (resolved, as a period) written in
// the paragraphs before b ("this week, from Monday 6 to Friday 10 July").
func (r *run) rangeBefore(b *segment.Block) (dates.Span, bool) {
	for i := b.N - 2; i >= 0; i-- {
		ds := r.dates[i]
		for j := len(ds) - 1; j >= 0; j-- {
			if ds[j].IsRange() {
				if sp, _, err := r.a.Resolve(ds[j], false); err == nil && sp.Precision == dates.Period {
					return sp, true
				}
			}
		}
	}
	return dates.Span{}, false
}

// allWardsRE: a heading over what is said of every ward a page covers.
var allWardsRE = regexp.MustCompile(`(?i)^\W*all (?:(?:two|three|four|five|six|of our|our|the|its)\s+)*wards\W*$`)

// wholeAreaRE: the words around an authority's name in a heading that
// make it the whole authority's section ("Across Hartlepool", "Whole of
// Middlesbrough", "Stockton-on-Tees borough-wide").
var wholeAreaRE = regexp.MustCompile(`(?i)^\s*(?:(?:across|all of|whole of|throughout|the|borough|town|wide|-wide|borough-wide|town-wide|as a whole|generally)\s*)*$`)

// headingWards is the ward a heading names by itself, with no date ("Newtown
// ward", "**Stockton Town Centre ward**"): a sub-heading that places the
// paragraphs under it and keeps the span of the dated heading above it;
// all is true for "All three wards".
func (r *run) headingWards(b *segment.Block) (wards []gazetteer.Resolution, all bool) {
	if allWardsRE.MatchString(b.Text) {
		return nil, true
	}
	if len(b.Text) > 60 || len(r.datesOf(b)) > 0 {
		return nil, false
	}
	at := r.anchorDay()
	if at.IsZero() {
		return nil, false
	}
	text := titleCase(b.Text)
	ms := r.find(text, at)
	if len(ms) == 0 && capitalRunRE.FindString(strings.Trim(text, " :*.")) == strings.Trim(text, " :*.") {
		// "### Newport" over a "You said" entry: a heading that is only
		// a name is the ward of that name, though the name is a word too,
		// when the ward is in the document's authority.
		if ws := r.find(strings.Trim(text, " :*.")+" ward", at); len(ws) == 1 && ws[0].Kind == "ward" {
			if lad := r.documentLAD(); lad != nil && lad.LADCode == ws[0].LADCode {
				return []gazetteer.Resolution{ws[0].Resolution}, false
			}
		}
	}
	if len(ms) == 1 && ms[0].Kind == "lad" && strings.EqualFold(ms[0].Text, ms[0].LADName) &&
		wholeAreaRE.MatchString(strings.TrimSpace(text[:ms[0].Start])+" "+strings.TrimSpace(text[ms[0].End:])) {
		// "Across Hartlepool", "Stockton-on-Tees borough-wide": the
		// authority's section; its concerns are the authority's, not
		// the page's ward's.
		return []gazetteer.Resolution{ms[0].Resolution}, false
	}
	if len(ms) != 1 || ms[0].Kind != "ward" {
		return nil, false
	}
	// "Newtown ward", or a heading that is the ward's name and nothing
	// else (a definition list's term, "**Marton East**").
	if !wardEntryRE.MatchString(b.Text) && (strings.TrimSpace(text[:ms[0].Start]) != "" || strings.Trim(text[ms[0].End:], " :*.") != "") {
		return nil, false
	}
	return []gazetteer.Resolution{ms[0].Resolution}, false
}

// placeHeading is the place a heading is, by itself: a ward or a town of
// Cleveland (a town resolves to its authority) and nothing else, but for the villages it lists in brackets
// ("Loftus", "Skelton", "Lockwood (Boosbeck, Lingdale and Margrove
// Park)"); nil for any other heading ("You said", "Burglary in Loftus",
// "Next meetings").
func (r *run) placeHeading(b *segment.Block) *gazetteer.Resolution {
	name := titleCase(strings.Trim(bracketTailRE.ReplaceAllString(b.Text, ""), " :*.#"))
	m := r.headingOnly(b, name, 80)
	if m == nil {
		if k := kindPlaceHeadRE.FindStringSubmatch(name); k != nil {
			m = r.headingOnly(b, k[1], 80)
		}
	}
	if m == nil {
		return nil
	}
	return &m.Resolution
}

// kindPlaceHeadRE: a section's heading naming a meeting's kind, a dash and
// then its place ("Street surgery – Grangetown", "Drop-in: Eston"): the
// card's place is the place after the dash, as for a heading that is
// the place alone; the paragraph under it tells the meeting by its venue
// or street ("On Tuesday 4th we held a street surgery on Acacia Road"),
// which the gazetteer does not know. Group 1 the place.
var kindPlaceHeadRE = regexp.MustCompile(`(?i)^(?:(?:street|pop-up|police|ward|community|residents['’]?|neighbourhood|pcso|beat)\s+)?(?:briefing|surgery|meeting|drop-in|walkabout|walk-about|pact|forum|street surgery)\s*[-–—:]\s*(\S.*)$`)

// authorityHeading is the authority a numbered or plain heading names
// alone ("3. Redcar and Cleveland", "Middlesbrough"): a report that
// groups its meetings by authority sets each authority's entries under
// one, for an entry whose venue the gazetteer does not know.
func (r *run) authorityHeading(b *segment.Block) *gazetteer.Resolution {
	m := r.headingOnly(b, strings.Trim(itemLeadRE.ReplaceAllString(b.Text, ""), " :*.#"), 60)
	if m == nil || m.Kind != "lad" {
		return nil
	}
	return &m.Resolution
}

// headingOnly is the one place that is the whole of name, the text of
// heading b made ready by its caller, when b is no longer than maxLen
// and gives no date; nil otherwise.
func (r *run) headingOnly(b *segment.Block, name string, maxLen int) *gazetteer.Mention {
	at := r.anchorDay()
	if at.IsZero() || len(b.Text) > maxLen || name == "" || len(r.datesOf(b)) > 0 {
		return nil
	}
	ms := r.find(name, at)
	if len(ms) != 1 || strings.TrimSpace(name[:ms[0].Start]) != "" || strings.TrimSpace(name[ms[0].End:]) != "" {
		return nil
	}
	return &ms[0]
}

// bracketTailRE: the bracketed list at a heading's end.
var bracketTailRE = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// coveredWards are the wards the first paragraph naming several wards
// lists ("Our team covers Stockton Town Centre, Newtown and Parkfield and
// Oxbridge wards"), for a heading "All three wards".
func (r *run) coveredWards() []gazetteer.Resolution {
	at := r.anchorDay()
	if at.IsZero() {
		return nil
	}
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.Heading || !wardEntryRE.MatchString(b.Text) {
			continue
		}
		var out []gazetteer.Resolution
		for _, m := range r.find(b.Text, at) {
			if m.Kind == "ward" {
				out = append(out, m.Resolution)
			}
		}
		if len(out) >= 2 {
			return out
		}
	}
	return nil
}

// headingSpan is the span a heading gives its section ("January to March
// 2016", "December 2019"), or nil.
func (r *run) headingSpan(b *segment.Block) *dates.Span {
	if from, to, ok := dates.FindPeriod(b.Text); ok {
		return &dates.Span{Start: from, End: to, Precision: dates.Period}
	}
	ds := r.datesOf(b)
	if len(ds) == 1 && ds[0].Day == 0 && ds[0].Month != 0 && ds[0].Year == 0 && ds[0].RelMonth == "" {
		// "Summer 2017 (July – September)": the heading's year is its
		// months'.
		if y := yearRE.FindString(b.Text); y != "" {
			m := ds[0]
			m.Year, _ = strconv.Atoi(y)
			if sp, _, err := r.a.Resolve(m, false); err == nil {
				return &sp
			}
		}
	}
	if len(ds) == 1 && ds[0].Day == 0 && ds[0].Month != 0 && ds[0].Year != 0 {
		if sp, _, err := r.a.Resolve(ds[0], false); err == nil {
			return &sp
		}
	}
	if loneMonthRE.MatchString(b.Text) {
		// "**February**" over what residents raised that month, on a page
		// for "January to March 2025": a heading that is a month alone
		// (the date tagger leaves a lone month in running text alone).
		if ms := dates.Find(monthCell(b.Text)); len(ms) == 1 && ms[0].Day == 0 && ms[0].Month != 0 {
			if sp, _, err := r.a.Resolve(ms[0], false); err == nil && !r.afterAnchor(sp) {
				return &sp
			}
		}
	}
	return nil
}

// yearRE: a year written alone.
var yearRE = regexp.MustCompile(`\b(?:19|20)[0-9]{2}\b`)

// entryHead is the head of a list-style entry, "Thornaby Town Council – 5
// June 2018." or "Norton North ward meeting (24th July):": the text up to
// the first colon or full stop, when short.
func entryHead(text string) string {
	end := len(text)
	if i := strings.Index(text, ": "); i >= 0 && i < end {
		end = i
	}
	from := 0
	if m := itemLeadRE.FindStringIndex(text); m != nil && m[1] < end {
		from = m[1] // (a numbered paragraph's "6. " is no end of its head)
	}
	if i := strings.Index(text[from:], ". "); i >= 0 && from+i < end {
		end = from + i
	}
	if end > 100 {
		return ""
	}
	return text[:end]
}

// wardVenueEntry reports whether a list entry's head is a ward, then the
// hall it met in and its day, and the entry goes on to what was raised:
// "Hartburn – St Luke's Church Hall, 12 May. Parents raised cars parked on
// the zigzags." A report listing its meetings by ward writes one so with no
// meeting word (its other entries say "residents' meeting" or "surgery"):
// the venue (venueRE) and day in the head make it a meeting, where one
// place is named before the venue and it is a ward, and the text after
// the head names a theme. "Hartburn – St Luke's Church Hall reopened on
// 12 May" is no entry (no theme after the head), nor is a head naming a
// town or two wards before the hall.
func (r *run) wardVenueEntry(b *segment.Block, text string) bool {
	h := entryHead(text)
	if h == "" || len(h) >= len(text) {
		return false
	}
	loc := venueRE.FindStringIndex(h)
	if loc == nil || !entryDashRE.MatchString(h[:loc[0]]) || len(dates.Days(r.mentionsOf(b, text)(loc[1], len(h)))) == 0 {
		return false
	}
	ws := r.find(h[:loc[0]], r.anchorDay())
	if len(ws) != 1 || ws[0].Kind != "ward" {
		return false
	}
	return len(r.themes(text[len(h):])) > 0
}

// entryDashRE: a name then a dash, as an entry's head sets its ward before
// the rest ("Hartburn – ", "Fens & Greatham - ").
var entryDashRE = regexp.MustCompile(`^\W*[A-Z][\w'’&,. -]{1,60}?\s[-–—]\s+$`)

// itemLeadRE: a paragraph's number ("6. ", "2.3 ").
var itemLeadRE = regexp.MustCompile(`^\s*[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+`)

// dated keeps the mentions that date a meeting: a day, a range of days, a
// month (a month alone only when the sentence has no day).
func dated(ds []dates.Mention) []dates.Mention {
	var days, months []dates.Mention
	for _, d := range ds {
		switch {
		case d.IsDay() || d.IsRange():
			days = append(days, d)
		case d.RelMonth != "" || d.RelWeek != "" || d.IsMonths():
			months = append(months, d)
		}
	}
	if len(days) > 0 {
		return days
	}
	if len(months) == 1 {
		return months
	}
	return nil
}

// framesDropped leaves out a range of days that holds other days the
// sentence tells ("two meetings in the week of 20 June: ... on 21 June ...
// on 23 June"): the range frames them, it is no meeting's date.
func framesDropped(ds []dates.Mention) []dates.Mention {
	var out []dates.Mention
	for i, d := range ds {
		frame := false
		if d.IsRange() && d.EndMonth == d.Month {
			for j, e := range ds {
				if j != i && e.IsDay() && !e.IsRange() && e.Month == d.Month && e.Year == d.Year && e.Day >= d.Day && e.Day <= d.EndDay {
					frame = true
				}
			}
		}
		if !frame {
			out = append(out, d)
		}
	}
	return out
}

// clauseMonths adds to ds, the days a sentence gives (dated leaves its
// months out when it has days), each month that dates a meeting of its
// own in a later clause: "On Tuesday he met the Owton residents' group,
// who asked about burglaries, and earlier this month he went on a
// walkabout in Rossmere ward, where parking was the worry", "a session in
// Park ward on 3 May, and a meeting in Stainsby Hill, Thornaby, in
// April". The month must come after a day, in a clause opened by ", and"
// after that day (the clause each meeting of a sentence is read from
// splits there too), and the clause (up to the next date) must name a
// meeting and a place of its own; "On 4 June she attended the Grangetown
// meeting, and speed checks followed in July" names none, and "in March,
// on the 4th" no clause after a day.
func (r *run) clauseMonths(sent string, all, ds []dates.Mention) []dates.Mention {
	if len(ds) == 0 || !ds[0].IsDay() || len(dates.Days(ds)) != len(ds) {
		return ds
	}
	out := ds
	for j, m := range all {
		if m.IsDay() || m.IsRange() || (m.RelMonth == "" && !m.IsMonths()) || m.Start > len(sent) {
			continue
		}
		lastDay := -1
		for _, d := range ds {
			if d.End <= m.Start {
				lastDay = d.End
			}
		}
		if lastDay < 0 {
			continue
		}
		brk := -1
		for _, loc := range clauseBreakRE.FindAllStringIndex(sent[lastDay:m.Start], -1) {
			brk = lastDay + loc[1]
		}
		if brk < 0 {
			continue
		}
		end := len(sent)
		if j+1 < len(all) && all[j+1].Start < end && all[j+1].Start > m.End {
			end = all[j+1].Start
		}
		own := sent[brk:end]
		if !meetingNounRE.MatchString(maskGroupOf(own)) || len(r.find(own, r.anchorDay())) == 0 {
			continue
		}
		out = append(out, m)
	}
	if len(out) > len(ds) {
		out = slices.Clone(out)
		slices.SortFunc(out, func(a, b dates.Mention) int { return a.Start - b.Start })
	}
	return out
}

// clauseBreakRE: where a sentence's next clause opens.
var clauseBreakRE = regexp.MustCompile(`,\s+and\s+`)

// meetings reads the meetings a block states, one per date its meeting
// sentences give ("attended ward meetings in Kader ward on 3rd September
// and in Hutton ward on 10th September" is two). planned is true when the
// block only lists meetings to come, which are recorded, not emitted.
func (r *run) meetings(b *segment.Block, text string, future bool, prev *segment.Block) (out []*meetingCtx, planned bool) {
	if (mastheadRE.MatchString(text) || issueDatedRE.MatchString(text) || postHeaderRE.MatchString(text) || imprintRE.MatchString(text)) && len(text) < 200 {
		// "Thorntree Tenants' & Residents' Association · Issue 22 · April
		// 2019 · Free to every household": a newsletter's masthead, whose
		// month is its issue's, not a meeting's (nor is its imprint's day:
		// "Printed and published by ... Residents' Association, 4th April")
		return nil, false
	}
	if partnersOnlyRE.MatchString(text) {
		// "3.1 The Commissioner also attended the Youth Forum (4 May) and
		// the Safer Stockton Partnership (19 May). These were partnership
		// meetings, listed for information only.": the paragraph says its
		// meetings were not held with the public.
		r.problem(b, "meeting", clip(text, 120), "the paragraph says its meetings were partners' or not public: not emitted")
		return nil, false
	}
	if agenciesOnlyMeeting(text) {
		// "3.4 On 9 May the Commissioner went to the Tees Farm Watch
		// group in Stokesley, a meeting of the police, the water company
		// and council officers, which agreed ...": the paragraph says in
		// an appositive who met there, agencies and their officers and no
		// public, so its meeting is not one with the public.
		r.problem(b, "meeting", clip(text, 120), "the paragraph says its meeting was of agencies' officers, no public: not emitted")
		return nil, false
	}
	isMeeting := func(s string) bool {
		return meetingNounRE.MatchString(maskGroupOf(s)) || meetVerbRE.MatchString(s) || stallRE.MatchString(s) || toldPCCRE.MatchString(s) || walkedWithRE.MatchString(s) || crowdRE.MatchString(s) ||
			((wentWhereRE.MatchString(s) || visitedListRE.MatchString(s) || visitWhenRE.MatchString(s)) && (concernCueRE.MatchString(s) || subjectCueRE.MatchString(s) || whereGatheredRE.MatchString(s))) || atVenueSaid(s) || r.atWardSaid(s) || r.raisedAtSaid(s) ||
			(turnOfRE.MatchString(s) && len(r.find(s, r.anchorDay())) > 0)
	}
	// "Minutes – Wednesday 14 June 2017, 7pm, St Cuthbert's Church Hall":
	// the record's own date line is its meeting.
	// (under a heading that says the document is minutes, its "Date:"
	// line: "**Date:** Tuesday 8 November 2022 **Venue:** Thornaby Library")
	minutesLead := (minutesLeadRE.MatchString(text) || notesOfDayRE.MatchString(text) || (r.record && (dateLabelRE.MatchString(text) || r.opensWithDay(b, text) || heldLineRE.MatchString(text)))) && !minutesAgreedRE.MatchString(text)
	// Under a heading of meetings held ("2 Ward meetings held online"), an
	// entry "Tuesday 9th February - Fens & Greatham (Hartlepool). Those
	// living near ..." is a meeting though its head says only the place.
	// ("7. The following week I was at Hemlington on the 23rd and at
	// Marton West on the 25th", "6. Two days later, at Coatham ward in
	// Redcar, ...": days counted from the meeting told before.)
	sectionEntry := false
	secHead := entryHead(text)
	if secHead == "" && r.meetSec {
		if ss := sentences(text); len(ss) > 0 && len(ss[0]) <= 200 && strings.HasPrefix(text, ss[0]) {
			secHead = ss[0] // (a long first sentence: "6. Two days later, at Coatham ward in Redcar, a group of young women told me that ...")
		}
	}
	if h := secHead; r.meetSec && h != "" && (len(r.find(h, r.anchorDay())) > 0 || r.logSec) &&
		(len(dates.Days(r.mentionsOf(b, text)(0, len(h)))) > 0 || (len(r.held) > 0 && (onTheDayRE.MatchString(h) || sameDayRE.MatchString(h)))) {
		sectionEntry = true
	}
	venueEntry := !sectionEntry && r.wardVenueEntry(b, text)
	dayVisit := r.weekdayVisit(b, text)
	if !isMeeting(text) && !namedWardRE.MatchString(entryHead(text)) && !minutesLead && !sectionEntry && !venueEntry && !dayVisit {
		return nil, false
	}
	// The block's dates were tagged once (tag); the sentences take theirs
	// from it rather than tagging again (tagging was most of the cost).
	inAll := r.mentionsOf(b, text)
	in := func(start, end int) []dates.Mention {
		return r.ownMeetingMonthsDropped(text[start:end], inAll(start, end)) // (not the record's body's own meetings)
	}
	head := entryHead(text)
	if sectionEntry {
		head = secHead
	}
	// A list entry "Hartburn ward – 3rd March: residents raised ..." is a
	// ward meeting though it says only "ward".
	entry := head != "" && (((meetingNounRE.MatchString(head) || namedWardRE.MatchString(head)) && len(notWeeks(dated(in(0, len(head))))) > 0) || sectionEntry || venueEntry)
	if entry && len(dates.Days(in(0, len(head)))) == 0 && len(dates.Days(in(len(head), len(text)))) > 0 {
		// "Two surgeries were held in Hartlepool during October: at the
		// library on the 10th, and ... on the 24th": the head gives only
		// the month of the days written after it, no entry of its own.
		entry = false
	}
	blockHasDate := len(dated(in(0, len(text)))) > 0
	blockHasDay := len(dates.Days(dated(in(0, len(text))))) > 0 // ("this month" in the paragraph gives no day)
	pos := 0
	prevSent := ""
	var prevVisit []dates.Mention // the one day of the sentence before, when it told a visit naming no meeting
	sents := sentences(text)
	countSent, countDays := countedMeetingDays(sents)
	for si, sent := range sents {
		if si == countSent {
			prevSent = sent
			continue // "We held two street briefings last month.": the days after it tell them (countedMeetingDays)
		}
		if si == 0 && (r.headDays != nil || r.leadDays != nil) && dayCountRE.MatchString(sent) && len(sents) > 1 {
			prevSent = sent
			continue // "Two meetings on Tuesday.": the sentences after it tell them (dayCountRE)
		}
		visitBefore := prevVisit
		prevVisit = nil
		start := pos
		if i := strings.Index(text[pos:], sent); i >= 0 {
			start = pos + i
			pos = start + len(sent)
		}
		sentDates := pubLabelDropped(sent, sinceDropped(sent, in(start, start+len(sent))))
		// Under a weekday heading of a week told day by day ("## Tuesday"
		// over "After tea I went on to the residents' association"), a
		// sentence with no day of its own tells that day (weekdayHeadDays),
		// unless it speaks of what is still to come.
		headed := false
		if hd, ok := r.headDays[b.N-1]; ok && len(sentDates) == 0 && text == b.Text && !futureRE.MatchString(sent) {
			hd.Start, hd.End = 0, 0
			sentDates, headed = []dates.Mention{hd}, true
		}
		// A paragraph of a week told day by day that opens with its
		// weekday ("Tuesday was my surgery in ...", weekdayHeadDays): the
		// weekday is the day of the paragraph's week, written as a date,
		// and a later sentence with no day of its own tells that day too.
		var leadDay *dates.Mention // the day a weekday lead gave this sentence's opening (for isEntry, below)
		if ld, ok := r.leadDays[b.N-1]; ok && text == b.Text && !futureRE.MatchString(sent) {
			wd := ld.Weekday.String()
			switch {
			case len(sentDates) == 0 && si > 0:
				ld.Start, ld.End = 0, 0
				sentDates, headed = []dates.Mention{ld}, true
			case si == 0 && len(sentDates) == 0 && strings.HasPrefix(sent, wd):
				ld.Start, ld.End, ld.Text = 0, len(wd), wd
				sentDates, leadDay = []dates.Mention{ld}, &ld
			case si == 0 && len(sentDates) > 0 && sentDates[0].Start == 0 && sentDates[0].HasWeekday && sentDates[0].Weekday == ld.Weekday && sentDates[0].Month == 0:
				ld.Start, ld.End, ld.Text = sentDates[0].Start, sentDates[0].End, sentDates[0].Text
				sentDates, leadDay = append([]dates.Mention{ld}, sentDates[1:]...), &ld
			case si == 0 && dayOffLeadRE.MatchString(sent):
				// "Monday was a bank holiday, so ... until Tuesday, when I
				// went to the ward meeting" (dayOffLeadRE): the later
				// weekday is the paragraph's day (weekdayHeadDays gave it
				// to the paragraph); the day off tells none.
				loc := dayOffLeadRE.FindStringSubmatchIndex(sent)
				var rest []dates.Mention
				for _, d := range sentDates {
					if d.Start >= loc[5] {
						rest = append(rest, d)
					}
				}
				ld.Start, ld.End, ld.Text = loc[4], loc[5], sent[loc[4]:loc[5]]
				sentDates, leadDay = append([]dates.Mention{ld}, rest...), &ld
			}
		}
		monthLed := false
		// "The two meetings followed a busy February. At ward meetings in
		// Hemlington and in Berwick Hills & Pallister, residents raised
		// ...": a short sentence whose one date is a month alone sets
		// the time of the meetings the next one opens at, with what was
		// raised there and no date of its own (monthLeadRE).
		if len(sentDates) == 0 && si > 0 && len(prevSent) <= 80 && atMeetingsOpenRE.MatchString(sent) && (concernCueRE.MatchString(sent) || subjectCueRE.MatchString(sent)) {
			if ml := monthLeadRE.FindStringSubmatch(prevSent); ml != nil && len(dates.Find(prevSent)) == 0 {
				name := ml[1] + ml[2]
				if mo, ok := dates.MonthOf(name); ok {
					sentDates, monthLed = []dates.Mention{{Text: name, Month: mo}}, true
				}
			}
		}
		if len(sentDates) > 0 && len(r.held) > 0 && relMonthsOnly(sentDates) && quotedMentions(text, start, sentDates) && meetingNounOutsideQuote(text, start, sent) {
			// "More than 60 people turned out for the South Bank ward
			// meeting ..., where one grandmother said she had found used
			// needles in the back lane \"three times this month\"" after
			// the meeting of Tuesday night: the speaker's month is not
			// the meeting's date; the sentence is read as undated.
			sentDates = nil
		}
		if len(sentDates) > 0 && len(r.held) > 0 && allToday(sentDates) && quotedMentions(text, start, sentDates) {
			// "Mr Coppinger said: \"... What I heard tonight is that people
			// want something done ...\"": the speaker's tonight is the
			// meeting just told, not one more on the day of publication;
			// so too when the quotation opens inside the sentence ("The
			// Sergeant said: \"Tonight's meeting showed ...\"")
			prevSent = sent
			continue
		}
		if len(sentDates) == 0 && len(in(start, start+len(sent))) > 0 && sinceRE.MatchString(sent) {
			prevSent = sent
			continue // "This was the Council's first meeting held in person since March 2020": its only date is a since's
		}
		isEntry := entry && si == 0
		visit := dayVisit && si == 0 // "Tuesday was Nunthorpe. ... residents asked about ..." (weekdayVisit)
		lead := minutesLead && si == 0
		// A sentence that opens with its day ("On 5 May the Hutton ward
		// meeting ...", "On Tuesday, residents crammed into the hall for
		// the ward's community meeting") tells a meeting it names; a
		// relative day only with a word that is surely a meeting (not "a
		// group of teenagers").
		opens := len(sentDates) > 0 && sentDates[0].Start <= 3 && sentDates[0].IsDay() &&
			(sentDates[0].Rel == "" && !headed || strongMeetingRE.MatchString(sent) || meetVerbRE.MatchString(sent)) // ("On Wednesday evening the commissioner ... joining Nunthorpe residents at the Community Hub")
		sameDay := len(r.held) > 0 && len(sentDates) == 0 && sameDayRE.MatchString(sent) // "The following evening the Commissioner was in South Bank for a meeting ..."
		// "It was his second community meeting of the week. On Monday he
		// was in Thornaby, where residents complained about ...": the
		// meeting named in the sentence before, undated there, told on
		// the day this one opens with, where residents spoke.
		carried := len(sentDates) > 0 && sentDates[0].Start <= 3 && sentDates[0].IsDay() && si > 0 && prevSent != "" && strongMeetingRE.MatchString(prevSent) && len(dates.Find(prevSent)) == 0 &&
			wasInRE.MatchString(sent) && subjectCueRE.MatchString(sent) || countDays[si]
		prevSent = sent
		if days := dates.Days(sentDates); len(days) == 1 && (cameToRE.MatchString(sent) || (days[0].Start <= 3 && len(sent) < 80 && !entry)) && !meetingNounRE.MatchString(maskGroupOf(sent)) {
			// ("On Tuesday it was Thorntree's turn. More than fifty people
			// squeezed into the ... ward community meeting ...")
			prevVisit = days
		}
		// "The meeting, part of the Commissioner's visits, was dominated
		// by drugs", "At the ward's community meeting in the Hub, people
		// described ...": a paragraph that opens on a meeting already
		// told, with no date of its own, is the meeting of the day the
		// paragraph before gave (below: fromPrev).
		backRef := si == 0 && prev != nil && !blockHasDate && len(sentDates) == 0 && backRefRE.MatchString(sent)
		if !(isMeeting(sent) || isEntry || lead || carried || visit) || !(carried || visit || backRef || ((atVenueSaid(sent) || r.atWardSaid(sent) || r.raisedAtSaid(sent) || turnOfRE.MatchString(sent)) && len(dates.Days(sentDates)) > 0) || (toldMeetingRE.MatchString(sent) && len(sentDates) > 0) || attendRE.MatchString(sent) ||
			(meetVerbRE.MatchString(sent) && len(dates.Days(sentDates)) > 0) || // "was in Brambles Farm on Wednesday evening to listen to residents"
			(visitedListRE.MatchString(sent) && len(dates.Days(sentDates)) > 1) ||
			(wentWhereRE.MatchString(sent) && len(sentDates) > 0 && (sentDates[0].Start <= 3 || sentDates[0].End <= wentWhereRE.FindStringIndex(sent)[1])) || // "Last week he was in Ingleby Barwick, where residents ... raised concerns", "was in Ingleby Barwick last night, where ..."
			walkedWithRE.MatchString(sent) || stallRE.MatchString(sent) || toldPCCRE.MatchString(sent) || (crowdRE.MatchString(sent) && len(dates.Days(sentDates)) > 0) || opens || isEntry || lead || sameDay || meetingOnRE.MatchString(sent) || nounDated(sent, sentDates) ||
			(len(sentDates) == 0 && len(r.held) > 0 && !blockHasDay && nounDated(sent, bareDays(sent))) || // "we did a street briefing on Lowfields Avenue on the 30th", after May's meetings
			(atMeetingInRE.MatchString(sent) && len(sentDates) > 0 && (subjectCueRE.MatchString(sent) || concernCueRE.MatchString(sent) || len(r.themes(sent)) > 0)) ||
			monthLed || r.earlierMeetingMonth(sent, sentDates) != nil) { // "At the Village ward residents' meeting in September, people ... told police that ..."

			continue
		}
		if _, _, ok := dates.FindPeriod(sent); ok || reportTitleRE.MatchString(sent) {
			continue // the report's period or its own title line, not a meeting
		}
		if days := dates.Days(sentDates); panelRE.MatchString(sent) && len(days) == 1 && r.publicationLine(days[0]) {
			continue // "Cleveland Police and Crime Panel Tuesday 13 December 2022": the Panel the report goes to, on its day
		}
		if days := dates.Days(sentDates); b.N <= 4 && issueNumberRE.MatchString(sent) && len(days) == 1 && r.publicationLine(days[0]) {
			continue // "from your Labour & Independent ward councillors Issue 7 - Friday 3 October 2014": the masthead's issue and its day
		}
		if (leadDay != nil || headed) && partnerTypeRE.MatchString(sent) && !residentsRE.MatchString(sent) {
			// "**Wednesday** morning was the board of the county's violence
			// unit, which I chair", in a week told day by day: the day's
			// board or partners, no meeting with the public, whatever
			// they discussed (the rest of the day may hold one).
			continue
		}
		if minutesAgreedRE.MatchString(sent) {
			continue // "The minutes of the meeting held on 8 November were agreed": an earlier meeting's record
		}
		if sentToBodyRE.MatchString(sent) && !attendRE.MatchString(sent) && !meetVerbRE.MatchString(sent) {
			continue // "a written reply was sent to the Community Council on 22 May": a letter to the body, no meeting of it
		}
		if policeWorksVisitRE.MatchString(sent) && !residentsRE.MatchString(sent) {
			continue // "She toured the new force control room (3 May) with two Panel members": the police's own works, no meeting with the public
		}
		if privateRE.MatchString(sent) || (si+1 < len(sents) && privateRE.MatchString(sents[si+1]) && !namesOwnMeetingBefore(sents[si+1], privateRE)) {
			continue // "On 5th September the chair ... had a short briefing ... That meeting is not open to members": no meeting with the public
		}
		if reportedBeforeRE.MatchString(sent) {
			continue // "The Saltburn ward meeting attended in September was reported to the Panel at its last meeting and is not repeated here": told in the report before, not this one's
		}
		if agencyBodyOf(sent) || (si+1 < len(sents) && agencyBodyOf(sents[si+1])) {
			continue // "He chaired the farm crime forum in Stokesley on 3 May. It is a meeting of partner agencies ...": no meeting with the public
		}
		if ownCommitteeRE.MatchString(sent) && !committeeGuestRE.MatchString(sent) {
			continue // "PCSO Ahmed came along to our February committee meeting": a group's own committee, no meeting with the public
		}
		if councilBusinessRE.MatchString(sent) && !residentsRE.MatchString(sent) && !meetVerbRE.MatchString(sent) {
			continue // "Tees Valley councillors also discussed policing budgets at a meeting in Middlesbrough on Tuesday": the members' own business, no meeting with the public
		}
		if partnersAppositiveRE.MatchString(sent) && !residentsRE.MatchString(sent) {
			continue // "joined the Tees Shopwatch Forum, a partnership of retailers, the council and the police, on 3 May": the agencies' own body, no meeting with the public
		}
		if councilCommitteeRE.MatchString(sent) && !residentsRE.MatchString(sent) && !publicSpokeRE.MatchString(sent) && !publicAfterBody(sent, councilCommitteeRE) {
			continue // "I also sat on the council's licensing committee on Monday": the council's own committee, no meeting with the public
		}
		if fullCouncilRE.MatchString(sent) && !residentsRE.MatchString(sent) && !publicSpokeRE.MatchString(sent) && !publicAfterBody(sent, fullCouncilRE) {
			continue // "Tony also went to full council on 3 November where the budget was discussed": the council's own sitting, no meeting with the public
		}
		if partnerBriefingRE.MatchString(sent) && !publicBriefingRE.MatchString(sent) {
			continue // "On 16 October the Commissioner received a briefing from the Hartlepool Safer Partnership on the new Community Safety Plan": the agencies informing the office, no meeting with the public
		}
		if mpMeetsPCCRE.MatchString(sent) && !residentsRE.MatchString(sent) {
			if r.officialsMet == nil {
				r.officialsMet = map[int]bool{}
			}
			r.officialsMet[b.N] = true
			continue // "Stockton North MP ... following a meeting with Police and Crime Commissioner ... on Friday 10 November": an MP's meeting with the office, not with the public
		}
		if masked := agencyMeetingRE.ReplaceAllStringFunc(sent, blankOut); masked != sent && !strongMeetingRE.MatchString(masked) && !meetVerbRE.MatchString(masked) {
			continue // "The team then took these to the Hartlepool tasking meeting on 3 May": the agencies' working meeting, no meeting with the public
		}
		if rest := festivityRE.ReplaceAllString(sent, ""); rest != sent && !engagementRE.MatchString(rest) && !besideFestivityRE.MatchString(rest) {
			continue // "the Commissioner attended the Christmas lights switch-on in Redcar on 22 November and the Eston Bonfire Night community event on 5 November": events, not meetings
		}
		if activityRE.MatchString(sent) && sessionRE.MatchString(sent) && !engagementRE.MatchString(sent) {
			continue // "the Community Speed Watch group, which ran its first session on Saturday 28th August": enforcement, not a meeting
		}
		if figuresFromMeetingsRE.MatchString(sent) && len(dates.Days(sentDates)) == 0 {
			continue // "Figures collected from ward meetings across Stockton over the summer show that ...": a count drawn from meetings, none told as held
		}
		if listRefRE.MatchString(sent) && len(dates.Days(sentDates)) == 0 {
			continue // "The table below lists the community meetings attended in July and August 2017": the rows tell them
		}
		if cancelledRE.MatchString(sent) {
			continue // "The Hemlington ward meeting arranged for 18 March was postponed": not held
		}
		if noMeetingsSaidRE.MatchString(sent) {
			continue // "No public meetings today.": the day had none (noMeetingsSaidRE)
		}
		if countedRE.MatchString(sent) && len(dates.Days(sentDates)) == 0 {
			continue // "That made it the fourth residents' meeting she had been to this month": the ones told around it, counted
		}
		if electionDayRE.MatchString(sent) && !attendRE.MatchString(sent) {
			continue // "New ward boundaries took effect at the local elections on 4 May, and meetings after that date ...": an election's day
		}
		ds := framesDropped(dated(sentDates))
		if d := r.earlierMeetingMonth(sent, sentDates); d != nil && !atMeetingInRE.MatchString(sent) {
			ds = []dates.Mention{*d} // (not "speed enforcement in November", what was done after)
		}
		ds = r.clauseMonths(sent, sentDates, ds)
		if si == 0 && b.N <= 2 && len(ds) > 1 && ds[0].Start <= 8 && r.publicationLine(ds[0]) && len(dates.Days(ds[1:])) > 0 {
			// "17 November 2021 Billingham North councillor Chris Barlow
			// raised concerns ... at a meeting on Tuesday": the dateline
			// run into the first paragraph is the publication's, the
			// meeting's day the one the sentence tells.
			ds = ds[1:]
		}
		if !meetingNounRE.MatchString(maskGroupOf(sent)) && !meetVerbRE.MatchString(sent) && toldPCCRE.MatchString(sent) {
			// Residents telling the Commissioner something is a meeting
			// on a day ("last night"), not over months of letters.
			ds = dates.Days(ds)
		}
		if isEntry {
			// The entry's head is the first sentence's start ("10th
			// December – X ward meeting: ..."): its dates are within it.
			ds = dated(pubLabelDropped(sent, in(start, start+min(len(head), len(sent)))))
			if leadDay != nil && len(ds) > 0 && ds[0].Start == leadDay.Start && ds[0].Rel != "" && ds[0].Weekday == leadDay.Weekday {
				// "Monday started at the X residents' meeting. ...", in a
				// week told day by day: the entry's weekday is the lead's
				// day of that week (weekdayHeadDays), not the Monday
				// nearest the publication.
				ds[0] = *leadDay
			}
		}
		ds = r.storyMonth(sent, ds)
		fromPrev := false
		var prevPara *segment.Block // the paragraph that gave the day
		if len(ds) == 0 && !blockHasDate && prev != nil && len(out) == 0 {
			// News items date the evening in one paragraph and say "the
			// meeting" in the next.
			// (Not from a byline or a line giving the publication date:
			// "By G. Tait 06:30, Thursday 9 March 2017" over a picture
			// caption "Around 40 people turned out at the Normanby
			// meeting".)
			// (Nor one a label gives as the document's: "· Issued 27 March
			// 2015".)
			if pd := dates.Days(pubLabelDropped(prev.Text, r.datesOf(prev))); len(pd) == 1 && !(r.publicationLine(pd[0]) && pd[0].Rel == "" && len(prev.Text) < 100) {
				ds, fromPrev, prevPara = pd, true, prev
			}
		}
		if len(ds) == 0 && len(visitBefore) == 1 && strongMeetingRE.MatchString(sent) && len(sentDates) == 0 {
			// "... when he came to Loftus last night. Barry Coppinger was
			// guest at the community meeting in Loftus Town Hall": the
			// meeting, undated, is the visit the sentence before told on
			// its day.
			ds, fromPrev = visitBefore, true
		}
		if len(ds) == 0 && len(r.held) > 0 && (len(out) > 0 || !blockHasDay) {
			// "Earlier that afternoon the Commissioner had called in at
			// the Skelton coffee morning": the day of the meeting told
			// last (in this paragraph, when it told one: "On Monday he met
			// the Brotton ward group ... The following night, at the
			// Loftus ward meeting, ...").
			last := r.held[len(r.held)-1].span
			if len(out) > 0 {
				last = out[len(out)-1].span
			}
			if loc := sameDayRE.FindStringSubmatchIndex(sent); loc != nil {
				if last.Precision == dates.Day {
					delta, _ := sameDayOffset(sent, loc)
					t := last.Start.AddDate(0, 0, delta)
					if loc[6] >= 0 || loc[8] >= 0 {
						t = writtenDayNear(sent, t)
					}
					if m := r.toldAgainApart(sent, delta); m != nil {
						t = m.span.Start // (counted from the meeting the paragraph before told, not the last row)
					}
					ds = []dates.Mention{{Start: loc[0], End: loc[1], Text: sent[loc[0]:loc[1]], Day: t.Day(), Month: t.Month(), Year: t.Year()}}
					fromPrev = true
				}
			}
		}
		if later, ok := laterInSentence(sent, ds); ok {
			// "at the Grangetown ward meeting on 2nd June and at the South
			// Bank ward meeting two days later": the second meeting's day,
			// counted from the first's.
			ds = append(ds, later)
		}
		if len(ds) == 0 && len(r.held) > 0 && !blockHasDay {
			// "3.4 At the Linthorpe community meeting on 1 September ...
			// 3.5 The De Bruce ward meeting was held on the 13th.": a day
			// alone takes the month of the meeting told last, when it
			// comes after it in that month (nothing guesses otherwise).
			// "meetings in Loftus ward on the 15th and Skelton ward on the
			// 22nd": each day, in order, after the one before it.
			last := r.held[len(r.held)-1].span
			after := last.Start.Day()
			for _, loc := range onTheDayRE.FindAllStringSubmatchIndex(sent, -1) {
				if last.Precision != dates.Day {
					break
				}
				day, _ := strconv.Atoi(sent[loc[2]:loc[3]])
				t := time.Date(last.Start.Year(), last.Start.Month(), day, 0, 0, 0, 0, time.UTC)
				earlier := earlierRE.MatchString(sent) && !thenOpensRE.MatchString(sent)
				if len(ds) == 0 && day < after && !earlier && !r.underMonthHeading(b, t) {
					if next := r.nextMonthDay(last.Start, day); !next.IsZero() {
						after = 0 // (the next month's: later days of this sentence follow it)
						last.Start, t = next, next
					}
				}
				if (day <= after && !(len(ds) == 0 && day < after && (earlier || r.underMonthHeading(b, t)))) || t.Month() != last.Start.Month() {
					ds = nil // (a day out of order: no telling its month; "A week earlier, on the 4th" says it is before)
					break
				}
				after = day
				ds = append(ds, dates.Mention{Start: loc[0], End: loc[1], Text: sent[loc[0]:loc[1]], Day: day, Month: t.Month(), Year: t.Year()})
			}
			fromPrev = fromPrev || len(ds) == 1 // (several: each its clause, below)
		}
		if len(ds) == 0 {
			continue
		}
		if len(ds) > 1 && r.oneDay(ds) {
			// "On Monday (10th June) Mr Storey held a surgery ...": one
			// day written twice is one meeting, placed as one.
			ds = ds[len(ds)-1:]
		}
		places := r.find(sent, r.anchorDay())
		dateFirst := len(places) == 0 || ds[0].Start < places[0].Start
		var perWard []string // "two meetings on 11 July: the Dormanstown ward meeting ... and the Kirkleatham ward meeting ..."
		if len(ds) == 1 && !fromPrev {
			if perWard = wardMeetingClauses(sent, places); len(perWard) > 1 {
				ds = slices.Repeat(ds, len(perWard))
				ds = clauseOwnMonths(sent, perWard, ds, sentDates)
			} else if perWard = sharedWardMeetings(sent, places); len(perWard) > 1 && !jointlyRE.MatchString(sent) {
				ds = slices.Repeat(ds, len(perWard)) // "the Eston and Normanby ward meetings" in July: one each
			} else if w := placeWards(places); (monthLed || (ds[0].IsMonths() && ds[0].EndMonth == 0)) && len(w) > 1 && pluralMeetingsRE.MatchString(sent) && !jointlyRE.MatchString(sent) {
				// "At ward meetings in Hemlington and in Park End" that
				// month, "During January the Commissioner held open
				// surgeries in Loftus and in Brotton": one each
				perWard, ds = w, slices.Repeat(ds, len(w))
			} else if len(perWard) > 1 {
				perWard = nil // "... ward meetings were held jointly": one meeting of both
			}
		}
		if len(perWard) == 0 && !fromPrev && !jointlyRE.MatchString(sent) {
			perWard = pairedWardDays(sent, places, ds)
		}
		if len(perWard) == 0 && !fromPrev && !jointlyRE.MatchString(sent) {
			perWard = pairedDaysWards(sent, places, ds)
		}
		if len(perWard) == 0 && !fromPrev && !jointlyRE.MatchString(sent) {
			perWard = pairedDaysItems(sent, ds)
		}
		monthly := false // "held virtual meetings in January and February 2021": one each month
		if len(ds) == 1 && len(perWard) < 2 && !fromPrev && pluralMeetingsRE.MatchString(sent) && !summaryRE.MatchString(sent) {
			if each := listedMonths(ds[0]); len(each) > 1 {
				ds, monthly = each, true
			}
		}
		var spans []dates.Span // "on Tuesday (10 July)" names one day twice: one meeting
		for i, d := range ds {
			clause := sent
			if len(perWard) > 1 {
				clause = perWard[i]
			} else if len(ds) > 1 && !fromPrev && !monthly {
				switch {
				case dateFirst && i+1 < len(ds):
					clause = sent[d.Start:ds[i+1].Start]
				case dateFirst:
					clause = sent[d.Start:]
				case i == 0:
					clause = sent[:d.End]
				default:
					clause = sent[ds[i-1].End:d.End]
					if k := strings.LastIndex(clause, ", and "); k >= 0 && len(r.find(clause[k+6:], r.anchorDay())) > 0 {
						// "... on Thursday 10th May, where people asked why
						// officers are so rarely seen round Ayresome Park,
						// and the Newport ward meeting at the Newport Hub on
						// Tuesday 12th June": the last meeting's own words,
						// not the place the one before's concern named.
						clause = clause[k+6:]
					}
					if len(r.find(clause, r.anchorDay())) == 0 && !placeWithin(places, ds[i-1].End, d.Start) {
						// "the Newtown ward meeting in Stockton on Tuesday
						// 4th June, where ..., and, on the Thursday, the
						// Manor House ward meeting in Hartlepool": a later
						// day that opens its clause names its place after it.
						next := len(sent)
						if i+1 < len(ds) {
							next = ds[i+1].Start
						}
						if after := sent[d.Start:next]; len(r.find(after, r.anchorDay())) > 0 {
							clause = after
						}
					}
				}
			}
			held := pastCausePart(heldPart(sent, d), d)
			if clause != sent {
				held = clause + " " + held
			}
			fut := future || futureRE.MatchString(recallRE.ReplaceAllString(held, "")) || arranged(held) || willBefore(sent, d)
			sp, ok := r.resolveSpan(b, d, fut)
			if !ok {
				continue
			}
			if (sp.Precision == dates.Month || (sp.Precision == dates.Period && (d.IsMonths() || d.Earlier))) && summaryRE.MatchString(sent) && !partOfSeriesOnly(sent) {
				// "has continued his round of community meetings in
				// Stockton this month, with two packed sessions", "attended
				// eight community meetings across Middlesbrough and Redcar
				// and Cleveland during July and August": the months'
				// meetings summed up, told one by one after. (Not a span
				// of days: "Between Wednesday 4 and Friday 6 September he
				// joined the team for a series of walkabouts in Roseworth".)
				continue
			}
			if fut && !future && r.pastForSure(d, sp) {
				// "8 June – Safer Stockton-on-Tees Partnership: ... the
				// knife arch operation planned for the town centre" in a
				// report on April to June: a word of the future about
				// something else, not a meeting to come.
				fut = false
			}
			if !fut && r.afterAnchor(sp) {
				fut = true // a date after the document was written is a plan
			}
			if !fut && !r.a.PeriodEnd.IsZero() && sp.Start.After(r.a.PeriodEnd) && !attendRE.MatchString(sent) {
				// "9 June – Park End & Beckfield ward meeting" in a report on
				// May, with no verb saying it was held: listed ahead.
				fut = true
			}
			if slices.Contains(spans, sp) && len(perWard) < 2 {
				continue
			}
			spans = append(spans, sp)
			title := meetingTitle(clause, d)
			if fut {
				place := ""
				if ms := r.find(clause, sp.Start); len(ms) > 0 {
					place = ms[0].Text
				}
				r.res.Planned = append(r.res.Planned, Planned{Date: sp.Start.Format(time.DateOnly), Place: place, Title: title, Paragraph: b.N})
				planned = true
				continue
			}
			if len(r.find(sent, sp.Start)) == 0 || (dayPossRE.MatchString(d.Text) && !namesWard(r.find(sent, sp.Start))) {
				// ("Neighbourhood officers from the Stockton South team
				// attended Monday's meeting": the one told on that Monday.)
				if seen := r.sameDay(sp); seen != nil {
					// "At the meeting on 5 July, ..." naming no place, after
					// the Yarm ward meeting of 5 July: that meeting.
					out = append(out, &meetingCtx{ev: seen.ev, span: sp, place: seen.place, name: seen.name, sent: sent, sticky: seen.sticky})
					continue
				}
			}
			placeSent := sent
			if len(ds) > 1 && len(perWard) < 2 && !fromPrev && !monthly {
				// Several meetings in one sentence: a clause that names no
				// place of its own takes the sentence's town or authority,
				// never a ward another clause names ("... in Hartlepool
				// during October: at the library in Seaton ward on the
				// 10th, and at the shopping centre on the 24th").
				placeSent = wardsBlanked(sent, r.find(sent, sp.Start))
				if w := r.listedWard(clause, sent, sp.Start); w != "" {
					clause, placeSent = w, w
				} else if w := wardBeforeDays(sent, r.find(sent, sp.Start), ds); w != "" {
					clause, placeSent = w, w
				}
			}
			if prevPara != nil {
				if w := r.priorWard(prevPara.Text, sent, sp.Start); w != "" {
					// "Homeowners in Brambles & Thorntree ward told police on
					// Wednesday evening ..." then "At the ward's community
					// meeting in the Thorntree Hub, ...": the ward of the
					// paragraph that gave the day, not the estate or town
					// this one names.
					clause, placeSent = w, w
				}
			}
			if op := r.blockBefore(b); prevPara == nil && op != nil && r.undatedMeetingOpening(op, b) && len(ds) == 1 && !r.placedOwnWay(b.Text, sp.Start) {
				if w := r.priorWard(op.Text, sent, sp.Start); w != "" {
					// "Residents of Hillcrest East had their say at a busy
					// public meeting this week." then "Some thirty people
					// filled the church hall on Monday 4th March ...": the
					// opening says whose meeting it was, the next paragraph
					// its day and venue only.
					clause, placeSent = w, w
				}
			}
			res := r.meetingPlace(b, clause, placeSent, sp.Start, len(ds) == 1 || monthly)
			if res == nil {
				continue
			}
			attendance := 0
			if m := attendanceRE.FindStringSubmatch(text); m != nil && len(ds) == 1 {
				attendance, _ = strconv.Atoi(m[1] + m[2])
			}
			seen := r.seenMeeting(sp, res, meetingKind(title+" "+b.Text))
			if seen == nil && r.inQuotedMessage(b) {
				seen = r.toldAlready(sp, res)
			}
			if seen != nil {
				// The same meeting told again ("the meeting on 5 May" after
				// "attended the Hartburn ward meeting on 5 May"): its
				// concerns go to it, and it is not a second event.
				if attendance > 0 && attendance <= 100000 {
					// "Around 50 people attended the meeting" in the
					// paragraph after the one that told it.
					r.setAttendance(seen.ev.EventID, attendance)
				}
				place := res
				if res.WardCode == "" && seen.place.WardCode != "" {
					place = seen.place // (the row's ward, where the paragraph named only towns)
				}
				out = append(out, &meetingCtx{ev: seen.ev, span: sp, place: place, name: placeName(res.Text), sent: sent, sticky: seen.sticky})
				continue
			}
			var topics []string // "met partners to discuss information sharing"
			if len(ds) == 1 || monthly {
				// (with several meetings in the sentence, a clause runs
				// into the one before: their concerns give their themes)
				topics = r.themes(beforeColon(clause))
			}
			ev := r.newMeeting(b, sp, title, locationIn(clause), attendance, *res, topics)
			if len(topics) > 0 && !monthly {
				// (not "ward meetings across Middlesbrough during August
				// and September, where speeding was raised most often":
				// a tally of meetings)
				r.topicsSaid = append(r.topicsSaid, topicSaid{meeting: ev.EventID, block: b.N, text: clause, themes: topics})
			}
			mc := &meetingCtx{ev: ev, span: sp, place: res, name: placeName(res.Text), sent: sent,
				sticky: minutesRE.MatchString(sent) || lead}
			if m := unknownWardRE.FindStringSubmatch(clause); m != nil && res.Kind == "lad" && len(r.find(m[1]+" ward", sp.Start)) == 0 {
				// "Ladgate Ward, Middlesbrough", a ward the gazetteer does
				// not know at the date: placed at its authority, named by
				// its ward for what the paragraphs after it tell of it
				// ("Residents at Ladgate raised ...").
				mc.name = m[1]
			}
			r.held = append(r.held, mc)
			out = append(out, mc)
			if !strings.Contains(strings.ToLower(sent), strings.ToLower(res.Text)) {
				if r.placeUnsaid == nil {
					r.placeUnsaid = map[string]bool{}
				}
				r.placeUnsaid[ev.EventID] = true
			}
			if mc.sticky {
				r.recordAnchor(mc)
			}
			if about := r.residentsMetAbout(ev, beforeColon(clause)); about != "" {
				// "a special meeting of the Belle Vue Residents'
				// Association to discuss the recent spike in anti-social
				// behaviour": what residents met about is their concern.
				r.concern(b, mc, about, "", *res, sp)
			}
		}
	}
	return out, planned && len(out) == 0
}

// activityRE: residents' or officers' work in the community that is held
// in sessions but is no meeting (a Speed Watch session, a litter pick): a
// sentence telling such a session (sessionRE) tells no meeting, unless it
// names one too (engagementRE). (Residents asking for a Speed Watch scheme
// at a meeting, or a partnership discussing a knife arch, still do.)
var (
	activityRE   = regexp.MustCompile(`(?i)\b(?:speed ?watch|litter[- ]?picks?|clean[- ]?ups?|leaflet drops?|weapons sweeps?|knife arch)\b`)
	sessionRE    = regexp.MustCompile(`(?i)\bsessions?\b`)
	engagementRE = regexp.MustCompile(`(?i)\b(?:meetings?|forums?|surger(?:y|ies)|drop-ins?|walkabouts?|residents'? association|council)\b`)
)

// festivityRE: a public celebration or show the Commissioner or officers
// attend, which the public goes to for itself, not to raise concerns: a
// sentence telling only such events (no meeting word besides them,
// engagementRE or besideFestivityRE) tells no meeting; "Bonfire Night" alone
// is a day ("on Bonfire Night she joined officers for a street briefing").
// besideFestivityRE: the public's meetings engagementRE does not name.
var (
	festivityRE       = regexp.MustCompile(`(?i)\b(?:(?:christmas\s+)?lights?\s+switch[- ]on|switch[- ]on|bonfire(?:\s+night)?\s+(?:community\s+)?(?:event|display|celebration)s?|fireworks?\s+display|carnival|awards?\s+(?:evening|night|ceremony|dinner)|remembrance\s+(?:service|parade|sunday))\b`)
	besideFestivityRE = regexp.MustCompile(`(?i)\b(?:briefings?|pacts?|coffee mornings?|residents['’]?\s+(?:group|meeting)s?|community meetings?)\b`)
)

// listRefRE: a sentence that points to a table or list of meetings after it.
// figuresFromMeetingsRE: figures drawn from meetings over a span, the
// finding what they show ("Figures collected from ward meetings across
// Stockton over the summer show that parking is raised most"; "data from
// the surgeries in May and June suggests ..."). A press release or report
// sums up its round of meetings so: what the figures say is a concern of
// the span, and the meetings are none of their own (the ones held are told
// by their days elsewhere); with no finding verb, "the figures were
// presented at community meetings in May" is left to the other rules.
var figuresFromMeetingsRE = regexp.MustCompile(`(?i)\b(?:figures|data|statistics|numbers|analysis|records|returns|feedback)\b[^.;]{0,60}?\bfrom\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w'’&-]+\s+){0,3}(?:meetings|surgeries|forums|drop-ins|sessions)\b[^.;]{0,80}?\b(?:shows?|showed|suggests?|suggested|reveals?|revealed|indicates?|indicated|confirms?|confirmed)\b`)

var listRefRE = regexp.MustCompile(`(?i)\b(?:(?:the\s+)?(?:table|list|schedule)\s+(?:below|overleaf|that follows|at appendix)|(?:listed|set out|shown|detailed|summarised|summarized)\s+(?:below|in the table|in the list|in appendix|overleaf)|(?:table|list)\s+(?:below\s+)?(?:lists|shows|sets out|gives|summarises|summarizes))\b`)

var (
	// raisedAtEachRE: a list's lead-in that says its items are what was
	// raised at each of the meetings ("The main concerns raised at each
	// meeting were as follows:").
	raisedAtEachRE = regexp.MustCompile(`(?i)\b(?:raised|discussed|heard|brought up)\b[^.;]{0,40}?\b(?:at|during)\s+(?:each|every)(?:\s+of\s+the)?\s+(?:meetings?|visits?|sessions?|surger(?:y|ies))\b`)
	// placeDayItemRE: an item headed by a place and its day in brackets,
	// then a dash or a colon ("· Norton North (22nd June) – ...").
	placeDayItemRE = regexp.MustCompile(`^\W*([A-Z][\w'’&.]*(?:\s+[\w'’&.]+){0,5}?)\s*\(([^()]{3,30})\)\s*[–—:-]\s*`)
)

// visitedLeadRE: a list's lead-in saying the writer visited, attended or
// held meetings in several places, each item then one of them ("Over the
// summer she went round four of the town's wards:" over "Hardwick (3rd
// July) – litter and dog mess"): an item headed by a place and its day in
// brackets is that place's meeting, as under raisedAtEachRE. Not a lead-in
// of what is to come ("will visit the following wards:"), nor one of
// partnership meetings or boards, nor one without a count or "following"
// naming places or meetings.
var visitedLeadRE = regexp.MustCompile(`(?i)\b(?:visited|attended|went (?:round|around|to)|toured|held|joined|dropped in on|called in on)\b[^.:;]{0,50}?\b(?:wards?|meetings?|surger(?:y|ies)|forums?|PACTs?|walkabouts?|villages|estates|neighbourhoods|communities)\b[^.:;]{0,30}:\s*$`)

// visitedCountRE: the lead-in counts or lists what follows.
var visitedCountRE = regexp.MustCompile(`(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|several|a number of|a few|\d+|following|these|all)\b`)

func visitedLead(text string) bool {
	return visitedLeadRE.MatchString(text) && visitedCountRE.MatchString(text) &&
		!futureRE.MatchString(text) && !partnerMeetingsRE.MatchString(text)
}

// theseMeetingsRE: a list's lead-in that says its items were raised at the
// meetings just told ("Issues raised at these meetings included:").
var theseMeetingsRE = regexp.MustCompile(`(?i)\b(?:at|from|during|in)\s+(?:these|those|the|the above|each of the|each of these|all)\s+(?:\w+\s+){0,2}?(?:meetings|sessions|surgeries|forums|visits)\b`)

// heldNamed is the one meeting held so far, told in prose or in a table's
// rows, whose place text names (the last, when meetings at one place were
// several), or nil.
func (r *run) heldNamed(text string) *meetingCtx {
	var found *meetingCtx
	for _, m := range slices.Concat(r.held, r.rowHeld) {
		if m.name != "" && containsWord(text, m.name) {
			if found != nil && found.name != m.name {
				return nil // two places named: no telling which
			}
			found = m
		}
	}
	return found
}

// placeLedBefore: a paragraph that tells what was raised at one place
// before the sentence telling the meeting it holds, the lead naming no day
// and only the place of one meeting already told ("In Hutton, talk was
// all of speeding. At Ormesby the following week residents raised
// littering.", after a table or paragraphs that dated the Hutton
// meeting): the lead's concerns are that earlier meeting's, not the
// next sentence's day and meeting. It gives where the paragraph's own
// meeting's sentence begins and the earlier meeting, or nil when the lead
// names a day, the paragraph's meeting's place, none or several earlier
// meetings' places, or no sentence precedes the meeting's; and the
// meeting the rest is told of. (A table's rows give their meetings no
// sentence of the paragraph: the first sentence naming the meeting's place
// is where it begins. The paragraph's references may hold the earlier
// meeting too, before its own: "In Hemlington, ... At Linthorpe the
// following Tuesday ...".)
func (r *run) placeLedBefore(text string, ms []*meetingCtx) (int, *meetingCtx, []*meetingCtx) {
	k, m := r.placeLed(text, ms)
	if m == nil || (len(ms) == 2 && ms[0] != m) || (m.sent != "" && strings.Contains(text, m.sent)) {
		return 0, nil, nil // (an earlier meeting told in this paragraph is told as before)
	}
	return k, m, ms[len(ms)-1:]
}

// placeLed is placeLedBefore's split and earlier meeting, where ms holds
// the paragraph's meeting last, and at most that earlier meeting before
// it (the paragraph's references having found both).
func (r *run) placeLed(text string, ms []*meetingCtx) (int, *meetingCtx) {
	if len(ms) == 0 || len(ms) > 2 {
		return 0, nil
	}
	last := ms[len(ms)-1]
	ms = []*meetingCtx{last}
	k := -1
	if ms[0].sent != "" {
		k = strings.Index(text, ms[0].sent)
	}
	if k < 0 && ms[0].name != "" {
		// (a meeting a table told, named again by its place in a later
		// sentence of the paragraph: "At Ormesby the following week ...")
		at := 0
		for _, sent := range sentences(text) {
			if j := strings.Index(text[at:], sent); j >= 0 {
				at += j
			}
			if containsWord(sent, ms[0].name) {
				k = at
				break
			}
		}
	}
	if k <= 0 {
		return 0, nil
	}
	lead := text[:k]
	if len(dates.Find(lead)) > 0 || (ms[0].name != "" && containsWord(lead, ms[0].name)) {
		return 0, nil
	}
	m := r.heldNamed(lead)
	if m == nil || m == ms[0] || m.name == ms[0].name {
		return 0, nil
	}
	return k, m
}

// containsWord reports whether name stands in text as whole words.
func containsWord(text, name string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(name)
		if (k == 0 || !isWordByte(text[k-1])) && (end == len(text) || !isWordByte(text[end])) {
			return true
		}
		i = k + 1
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// recordAnchor makes a record's meeting day the day its relative dates
// count from when the document gives no publication date: notes of the
// meeting of Wednesday 2 October 2013 saying the Commissioner "had attended
// a meeting of the Safer Stockton Partnership last month" speak of
// September.
func (r *run) recordAnchor(m *meetingCtx) {
	if r.a.Published.IsZero() && m.span.Precision == dates.Day {
		r.a.Published, r.recordAnchored = m.span.Start, true
	}
}

// forumThemes are the themes the name of the one meeting ms holds says it
// is for ("Hartlepool Domestic Abuse Forum", "Rural Crime Partnership"),
// when that meeting is such a body's; nil otherwise.
func forumThemes(ms []*meetingCtx) []string {
	if len(ms) != 1 || ms[0].ev == nil || ms[0].ev.Meeting == nil || !forumNameRE.MatchString(ms[0].ev.Meeting.Title) {
		return nil
	}
	return ms[0].ev.Themes
}

// forumNameRE: a body named for what it works on.
var forumNameRE = regexp.MustCompile(`\b(?:Forum|Partnership|Group|Network|Board|Panel|Alliance)\b`)

// minutesTitleRE: a record's own title line ("Minutes of the ordinary
// meeting of Elwick Parish Council held on Monday 10th March 2014").
var minutesTitleRE = regexp.MustCompile(`(?i)^\W*minutes of (?:the|a|an)\b[^.]{0,80}?\bmeeting\b[^.]{0,80}?\bheld\b`)

// cellPlace resolves a table's place cell, whose authority may follow in
// brackets ("Ladgate (Middlesbrough)", "Skelton East (Redcar &
// Cleveland)"): the name before them, when it lies in that authority.
func (r *run) cellPlace(cell string, at time.Time) (gazetteer.Resolution, error) {
	if m := bracketedLADRE.FindStringSubmatch(cell); m != nil {
		if res, err := r.x.gaz.Resolve(m[1], at); err == nil {
			if lad, err := r.x.gaz.Resolve(m[2], at); err != nil || lad.LADCode == res.LADCode {
				return res, nil
			}
		}
	}
	if m := cellMeetingNameRE.FindStringSubmatch(cell); m != nil {
		// "Newtown community meeting" in the place column: the ward the
		// meeting is named for, though its name is an everyday word too.
		if res, err := r.x.gaz.Resolve(m[1], at); err == nil && res.Kind == "ward" {
			return res, nil
		}
	}
	return r.x.gaz.Resolve(cell, at)
}

// cellMeetingNameRE: a place cell that is a meeting's name, a place and
// the kind of its public meeting ("Newtown community meeting", "Park ward
// residents' forum").
var cellMeetingNameRE = regexp.MustCompile(`(?i)^\s*(.+?)\s+(?:ward\s+)?(?:community|residents['’]?|neighbourhood|public)\s+(?:meeting|forum)\s*$`)

var bracketedLADRE = regexp.MustCompile(`^\s*(.+?)\s*\(([^()]+)\)\s*$`)

// severalPlaces is the authority of a meeting whose clause lists three
// places or more of it, none called a ward ("councillors from the south of
// the Borough (Thornaby, Ingleby Barwick, Yarm & Eaglescliffe) met with
// police"): a meeting of all of them, no one ward's.
func (r *run) severalPlaces(s string, ms []gazetteer.Mention, at time.Time) *gazetteer.Resolution {
	seen := map[string]bool{}
	for _, m := range ms {
		if m.LADCode != ms[0].LADCode || wardWordAfterRE.MatchString(s[m.End:]) {
			return nil
		}
		switch {
		case m.Kind == "lad" && strings.EqualFold(m.Text, m.LADName): // (the authority itself)
		case m.WardCode != "":
			seen[m.WardCode] = true
		default:
			seen[strings.ToLower(m.Text)] = true
		}
	}
	if len(seen) < 3 {
		return nil
	}
	if res, err := r.x.gaz.Resolve(ms[0].LADName, at); err == nil && res.Kind == "lad" {
		return &res
	}
	return nil
}

// jointWards is the authority of one meeting of two wards ("a joint
// Teesville and Normanby residents' meeting"), or of a ward and a town of
// other wards ("the Nunthorpe and Marton PACT"): two places of one
// authority joined by "and" right before a meeting noun in the singular;
// nil otherwise ("the Eston and Normanby ward meetings" are one each).
func (r *run) jointWards(s string, ms []gazetteer.Mention, at time.Time) *gazetteer.Resolution {
	for _, a := range ms {
		// "EAGLESCLIFFE EAST & WEST JOINT MEETING": the second ward named
		// by its quarter alone.
		m := otherQuarterRE.FindStringSubmatch(s[a.End:])
		if a.Kind != "ward" || m == nil || !jointMeetingRE.MatchString(s[a.End+len(m[0]):]) {
			continue
		}
		stem := strings.TrimSpace(a.WardName[:max(0, len(a.WardName)-len(lastWord(a.WardName)))])
		if b, err := r.x.gaz.Resolve(stem+" "+titleCase(m[1]), at); err != nil || b.Kind != "ward" || b.LADCode != a.LADCode || b.WardCode == a.WardCode || !quarterRE.MatchString(lastWord(a.WardName)) {
			continue
		}
		if res, err := r.x.gaz.Resolve(a.LADName, at); err == nil && res.Kind == "lad" {
			return &res
		}
	}
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if a.Kind != "ward" && b.Kind != "ward" || a.WardCode == b.WardCode || a.LADCode != b.LADCode || !wardOrTown(a, b) || !wardOrTown(b, a) {
			continue
		}
		if between := strings.TrimSpace(s[a.End:b.Start]); between != "and" && between != "&" {
			continue
		}
		if !jointMeetingRE.MatchString(s[b.End:]) && !(jointlyRE.MatchString(s) && pluralMeetingsAfterRE.MatchString(s[b.End:])) && !(jointForRE.MatchString(s[:a.Start]) && wardsAfterRE.MatchString(s[b.End:])) && !jointHeldByRE.MatchString(s[b.End:]) {
			continue // ("The Eaglescliffe East and Eaglescliffe West ward meetings were held jointly": one meeting too)
		}
		if res, err := r.x.gaz.Resolve(a.LADName, at); err == nil && res.Kind == "lad" {
			return &res
		}
	}
	return nil
}

// jointHeldByRE: the rest of two wards' names whose people held one
// joint meeting, who held it told between ("the Hardwick and Newtown
// ward councillors hosted a joint PACT meeting", "Kader and Ladgate
// residents met at a joint community forum"): one meeting of both wards,
// at their authority, as "a joint Hardwick and Newtown meeting" is.
// ("Kader and Ladgate residents held meetings" and "... councillors
// attended the joint action group" are not: a meeting noun must close
// "joint" within two words, in the same clause.)
var jointHeldByRE = regexp.MustCompile(`(?i)^(?:\s+wards?)?\s+(?:councillors|members|residents|people|teams?|officers|groups?)\b[^.;:,]{0,40}?\bjoint\s+(?:[\w'’-]+\s+){0,2}?(?:meeting|forum|surgery|pact|walkabout)\b`)

// jointWordRE: a meeting cell that says the meeting was joint.
var jointWordRE = regexp.MustCompile(`(?i)\bjoint\b`)

// jointForRE: a joint meeting named before the wards it was for ("a
// joint online meeting for the Coatham and Zetland wards", "a joint
// residents' meeting for Teesville and Normanby, held at ..."); wardsAfterRE
// closes the pair: "wards", or the end of the phrase.
var (
	jointForRE   = regexp.MustCompile(`(?i)\bjoint\b[^.,;]{0,30}\bmeeting(?:\s+(?:for|of|covering)|,)\s+(?:the\s+)?(?:residents\s+of\s+(?:the\s+)?)?$`)
	wardsAfterRE = regexp.MustCompile(`(?i)^(?:\s+wards\b|\s*(?:[,.;:(]|$)|\s+(?:held|at|in|on)\b)`)
)

// wardOrTown reports whether place m, joined with place other in a joint
// meeting's name, is a ward, or a town of the authority (not the
// authority itself) that other's ward is no part of: "the Nunthorpe and
// Marton PACT" is a meeting of a ward and of a town of other wards.
func wardOrTown(m, other gazetteer.Mention) bool {
	if m.Kind == "ward" {
		return true
	}
	return !strings.EqualFold(m.Text, m.LADName) && !partOf(m.Text, other.WardName)
}

// pluralMeetingsAfterRE: meetings in the plural right after ward names.
var pluralMeetingsAfterRE = regexp.MustCompile(`(?i)^(?:\s+(?:ward|wards'?|residents'?|community|neighbourhood|public))*\s+(?:meetings|forums|surgeries)\b`)

// jointMeetingRE: a meeting noun in the singular right after two ward
// names ("... residents' meeting", "... community forum").
var jointMeetingRE = regexp.MustCompile(`(?i)^(?:\s+(?:ward|wards'?|residents'?|community|joint|neighbourhood|public))*\s+(?:meeting|forum|surgery|drop-in|pact)\b`)

// monthlyMeetings reports whether ms are the meetings one sentence told
// one a month (listedMonths), and the span from the first month to the last.
func monthlyMeetings(ms []*meetingCtx) (dates.Span, bool) {
	if len(ms) < 2 {
		return dates.Span{}, false
	}
	for i, m := range ms {
		if m.span.Precision != dates.Month || m.sent != ms[0].sent || (i > 0 && !m.span.Start.After(ms[i-1].span.Start)) {
			return dates.Span{}, false
		}
	}
	return dates.Span{Start: ms[0].span.Start, End: ms[len(ms)-1].span.End, Precision: dates.Period}, true
}

// pluralMeetingsRE: a sentence telling meetings, more than one.
var pluralMeetingsRE = regexp.MustCompile(`(?i)\b(?:meetings|surgeries|forums|sessions)\b`)

// listedMonths are the months a mention lists ("in January and February
// 2021", "in March, April and May"), each as a month of its own, in order
// (a month before the one listed before it is in the next year); nil for a
// range ("from January to March", "January-March": how many meetings it
// held is not said) or a single month.
func listedMonths(d dates.Mention) []dates.Mention {
	if d.Day != 0 || d.EndMonth == 0 || rangeWordRE.MatchString(d.Text) || !listWordRE.MatchString(d.Text) {
		return nil
	}
	var out []dates.Mention
	year := d.Year
	for _, loc := range monthNameRE.FindAllStringIndex(d.Text, -1) {
		t, err := time.Parse("January", strings.ToUpper(d.Text[loc[0]:loc[0]+1])+strings.ToLower(d.Text[loc[0]+1:loc[1]]))
		if err != nil {
			return nil
		}
		if n := len(out); n > 0 && t.Month() <= out[n-1].Month {
			if year == 0 {
				return nil
			}
			year++
		}
		out = append(out, dates.Mention{Start: d.Start, End: d.End, Text: d.Text, Month: t.Month(), Year: year})
	}
	if len(out) < 2 || out[len(out)-1].Month != d.EndMonth {
		return nil
	}
	if d.Year != 0 && year != d.Year {
		// "December and January 2021": the year written is the last month's
		for i := range out {
			out[i].Year -= year - d.Year
		}
	}
	return out
}

var (
	monthNameRE = regexp.MustCompile(`(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b`)
	rangeWordRE = regexp.MustCompile(`(?i)\b(?:between|from|to|until|till|through)\b|[-–—]`)
	listWordRE  = regexp.MustCompile(`(?i)\band\b|,`)
)

// priorWard is the one ward the paragraph before names, as a meeting told
// in this sentence (which names no ward of its own) is placed: only when
// every place this sentence names lies in that ward's authority, so "a
// similar meeting in Darlington" or a ward elsewhere keeps its own place.
func (r *run) priorWard(before, sent string, at time.Time) string {
	var ward *gazetteer.Mention
	for _, p := range r.find(before, at) {
		if p.Kind != "ward" {
			continue
		}
		if ward != nil && ward.WardCode != p.WardCode {
			return "" // two wards: no telling which
		}
		ward = &p
	}
	if ward == nil {
		return ""
	}
	for _, p := range r.find(sent, at) {
		if p.Kind == "ward" || p.LADCode != ward.LADCode {
			return ""
		}
	}
	return ward.Text + " ward" // (a ward's name alone is a place only where one stands)
}

// undatedMeetingOpening reports whether prev, the paragraph just before
// b, is a news item's opening telling a meeting with the public without
// its day ("Residents of Hillcrest East had their say at a busy public
// meeting this week", "... told the Commissioner at last night's forum"):
// the next paragraph, giving the day and venue but no place of its own,
// tells the same meeting, in the ward the opening names (see priorWard).
// Not a heading, a list item or a paragraph far from the top, and not one
// giving a day (that one is read as the day's paragraph).
func (r *run) undatedMeetingOpening(prev, b *segment.Block) bool {
	if prev.Heading || prev.Bullet || prev.Cells != nil || b.Bullet || b.Cells != nil || b.N-prev.N != 1 || prev.N > 4 {
		return false
	}
	if len(dates.Days(r.datesOf(prev))) > 0 {
		return false
	}
	return openingMeetingRE.MatchString(prev.Text)
}

// openingMeetingRE: the public at a meeting an opening tells ("residents
// of X at a packed community meeting", "people in X told ... at a public
// meeting").
var openingMeetingRE = regexp.MustCompile(`(?i)\b(?:residents|people|locals|tenants|neighbours)\b[^.;]{0,120}?\b(?:at|during)\s+(?:a|an|the|last\s+night's|this\s+week's|their)\s+(?:[\w'’-]+\s+){0,3}(?:meeting|forum|pact|surgery|drop-in)\b`)

// blockBefore is the block just before b in the document, nil for the first.
func (r *run) blockBefore(b *segment.Block) *segment.Block {
	// (b.N is the block's 1-based place in r.blocks; a copy of a block, a
	// table row rebuilt from its cells, is none of them and has none.)
	if i := b.N - 1; i >= 1 && i < len(r.blocks) && &r.blocks[i] == b {
		return &r.blocks[i-1]
	}
	return nil
}

// placedOwnWay reports whether a paragraph names a ward of its own, or a
// place outside the one authority its places lie in: then its meeting is
// placed by what it says, not by the paragraph before.
func (r *run) placedOwnWay(text string, at time.Time) bool {
	lad := ""
	for _, m := range r.find(text, at) {
		if m.Kind == "ward" || (lad != "" && m.LADCode != lad) {
			return true
		}
		lad = m.LADCode
	}
	return false
}

// refinePlace places a meeting told in a town or authority ("a ward
// meeting on Wednesday evening" of residents "around the Burn Valley
// Gardens area of Hartlepool") in the ward the next paragraph names for it
// ("About thirty people went along to the Burn Valley ward meeting"): a
// paragraph with no date of its own, naming "<ward> ward meeting" (or
// "meeting of <ward> ward") for one ward of the meeting's authority. The
// meeting and the concerns placed with it so far move to the ward.
// cameToMeetingRE: the public coming to a meeting named with its place
// but no "ward" in its name ("Around forty people came to the Berwick
// Hills and Pallister Community Council meeting at the Pallister Park
// community rooms"): for refinePlace, as "the Burn Valley ward meeting".
//
// The public "attended" it too ("Around forty people attended the Kader
// residents' meeting at the church hall"): with the public as the verb's
// subject (people, residents, ...), not anyone who attended a meeting
// ("the Commissioner attended the Linthorpe meeting" may tell another).
//
// Or the public crowded into a venue "for" the meeting ("Some fifty
// residents squeezed into the Grange Road chapel for the ward's policing
// meeting"): the venue sits between the verb and the meeting, with no
// "the" before it.
var cameToMeetingRE = regexp.MustCompile(`(?i)\b(?:(?:crammed|packed|squeezed|piled|crowded)\s+into\s+[^.;]{3,80}?\s+for|(?:came|came along|went along|turned out|turned up|packed|squeezed|crammed|piled|gathered)\s+(?:in\s+|along\s+)?(?:to|into|for|at)|(?:people|residents|locals|neighbours|members of the public|parents|tenants)\s+(?:had\s+)?attended)\s+the\s+[^.;]{3,120}?\b(?:meeting|forum|pact|surgery|drop-in)\b`)

// organisedByWardRE: a meeting told as organised by a ward's councillors
// or residents' group ("The meeting, called by the Rift House ward
// councillors at the school, heard ..."): for refinePlace, as "the Rift
// House ward meeting" (the ward's members hold the ward's meetings).
var organisedByWardRE = regexp.MustCompile(`(?i)\b(?:meeting|forum|surgery|drop-in)\b,?\s+(?:which\s+)?(?:was\s+|had\s+been\s+)?(?:organised|organized|called|arranged|hosted|convened|set up|run)\s+by\s+(?:the\s+|their\s+|local\s+|three\s+|two\s+)?(?:[A-Z][\w'’&-]*\s+){1,4}ward\s+(?:councillors?|members|residents'?\s+(?:association|group))\b`)

func (r *run) refinePlace(cur *meetingCtx, text string) {
	if cur.place == nil || cur.place.Kind == "ward" || cur.span.Precision != dates.Day {
		return
	}
	var ward *gazetteer.Mention
	for _, sent := range sentences(text) {
		// (or a sentence of the meeting naming a ward of the town it was
		// placed in: "speaking to around 30 residents at the museum, in
		// the Eaglescliffe West ward" after "in Eaglescliffe")
		ref := wardMeetingRefRE.MatchString(sent) || cameToMeetingRE.MatchString(sent) || organisedByWardRE.MatchString(sent)
		if !ref && !(attendRE.MatchString(sent) || speakingToRE.MatchString(sent)) {
			continue
		}
		for _, p := range r.find(sent, cur.span.Start) {
			if p.Kind != "ward" || (!ref && !partOf(cur.place.Text, p.WardName)) {
				continue
			}
			if p.LADCode != cur.place.LADCode || (ward != nil && ward.WardCode != p.WardCode) {
				return // another authority's ward, or two wards
			}
			ward = &p
		}
	}
	var res gazetteer.Resolution
	switch {
	case ward != nil:
		res = ward.Resolution
	default:
		w := r.meetingVenueWard(cur, text)
		if w == nil {
			return
		}
		res = *w
	}
	old := *cur.place
	for i := range r.res.Events {
		e := &r.res.Events[i]
		mine := e.EventID == cur.ev.EventID || (e.Concern != nil && e.Concern.MeetingID == cur.ev.EventID)
		if mine && e.WardCode == "" && e.LADCode == old.LADCode {
			e.WardCode, e.Place = res.WardCode, clip(res.Text, 500)
		}
	}
	cur.ev.WardCode, cur.ev.Place = res.WardCode, clip(res.Text, 500)
	cur.place, cur.name = &res, placeName(res.Text)
}

// meetingVenueWard is the ward of the venue the next paragraph puts the
// meeting at, when it names no ward itself: a news item's lead tells the
// meeting without its place ("The Commissioner went along to a PACT
// meeting last night"), and the paragraph after says where the public
// came to it ("Some forty residents turned up to the meeting at Hartburn
// Village Hall in Stockton"): the venue named for a ward of the meeting's
// authority (or for one part of a joint ward's name, "Salters Lane
// Community Centre") places it there. Only a sentence of the public coming
// to "the meeting" (venueBackRE, a back reference), only a venue word
// after the name (namedVenueRE: "Hartburn Lane" is no venue) and only a
// ward of the authority the meeting was already placed in.
func (r *run) meetingVenueWard(cur *meetingCtx, text string) *gazetteer.Resolution {
	var found *gazetteer.Resolution
	for _, sent := range sentences(text) {
		m := venueBackRE.FindStringIndex(sent)
		if m == nil {
			continue
		}
		w := r.venueWard(namedVenueRE, sent[m[1]:], cur.span.Start)
		if w == nil || w.Kind != "ward" || w.LADCode != cur.place.LADCode || (found != nil && found.WardCode != w.WardCode) {
			return nil
		}
		found = w
	}
	return found
}

// venueBackRE: the public coming to the meeting told before, at a venue
// ("Around thirty residents came to the meeting at ...", "People packed
// into the meeting at ...").
var venueBackRE = regexp.MustCompile(`(?i)\b(?:came|came along|went along|turned out|turned up|packed|squeezed|crammed|piled|crowded|gathered|attended)\s+(?:in\s+|along\s+)?(?:to\s+|into\s+|for\s+|at\s+)?the\s+(?:same\s+)?(?:meeting|forum|pact|surgery|drop-in|session)\s+(?:at|in)\s+(?:the\s+)?`)

// asPartOfRE: a clause setting one meeting in a series ("..., as part of
// her round of ward meetings this spring"); singleMeetingRE: one meeting told
// as such ("a Park End ward meeting", "the residents' surgery").
var (
	asPartOfRE      = regexp.MustCompile(`(?i),?\s*\bas (?:a |one )?part of (?:a|an|the|his|her|their|its|our)\s+[^.;]*`)
	singleMeetingRE = regexp.MustCompile(`(?i)\b(?:a|an|the)\s+(?:[\w&'’-]+\s+){0,5}?(?:meeting|surgery|drop-in|walkabout|pact)\b`)
)

// partOfSeriesOnly reports whether a sentence sums up several meetings
// only in a clause setting the one meeting it tells in its series: "She
// met residents at a Park End ward meeting at the library earlier this
// month, as part of a run of meetings across the town this winter" tells
// the Park End meeting, not the run (which summaryRE would drop).
func partOfSeriesOnly(sent string) bool {
	rest := asPartOfRE.ReplaceAllString(sent, "")
	return rest != sent && !summaryRE.MatchString(rest) && singleMeetingRE.MatchString(rest)
}

// summaryRE: a sentence summing up several meetings ("his round of
// community meetings", "a series of ward surgeries", "two packed sessions").
var summaryRE = regexp.MustCompile(`(?i)\b(?:round|series|programme|run|number|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,2}|several|a few|(?:first|second|third|fourth|fifth|last|latest) of)\s+(?:of\s+)?(?:[\w*'’-]+\s+){0,4}?(?:meetings|sessions|surgeries|visits|walkabouts|forums)\b`)

// earlierRE: a sentence that says its day came before the one told last
// ("A week earlier, on the 4th, ...").
var earlierRE = regexp.MustCompile(`(?i)\b(?:earlier|before that|previously|the week before|the day before|had been|had heard|had raised)\b`)

// thenOpensRE: a sentence that opens by saying its day came after the one
// told last ("Then on the 3rd we walked the estate ...", "After that, on
// the 2nd, ..."): a pluperfect later in it ("a shed that had been broken
// into") tells what happened before the walk, not that the day was
// earlier, so earlierRE's cue does not hold and the day alone is the
// next month's when it is lower than the last (nextMonthDay).
var thenOpensRE = regexp.MustCompile(`(?i)^\W*(?:and\s+)?(?:then|after that|afterwards|next|following that)\b,?\s+on\s+the\s+[0-9]`)

// walkedWithRE: a walkabout told as walking round a place with residents or
// the neighbourhood team ("I walked round the Throston Grange estate with
// the neighbourhood team and a group of residents"), or with one officer
// named by rank: a team's post thanking "everyone who walked round
// Berwick Hills with PCSO Khan on Sunday" tells its walkabout ("walked the
// Headland with the neighbourhood inspector" too).
// (An estate walked round with its housing officer or estate manager,
// "we walked round the Grove estate with the housing officer; tenants
// showed us ...", is a walkabout as one with the team is: the landlord's
// officer brings the police round the tenants' estate.)
var walkedWithRE = regexp.MustCompile(`(?i)\b(?:walked|walking|toured|touring)\s+(?:round|around|through|along|the streets of|(?:the\s+)?(?-i:[A-Z]))[^.;]{0,120}?\bwith\b[^.;]{0,100}?\b(?:residents|people|neighbourhood (?:policing )?team|officers|pcsos?|pcs?|wardens|councillors|(?:neighbourhood |police |town centre |local )*(?:sergeant|inspector|sgt|insp)|(?:the\s+|a\s+|our\s+|their\s+)?(?:housing|estate)\s+(?:officers?|managers?))\b`)

// stallRE: a neighbourhood team's stall or stand told as the writer's or
// the officers' own ("we had a stall on the seafront last Saturday", "PCSOs
// ran a crime prevention stand outside the library on Friday") is a
// meeting with the public, as a street surgery is: people come to it and
// say what worries them. Only its holders' words open it ("we", the team,
// officers, "my team and I"): a market stall that was broken into, or traders who had a
// stall, are none.
var stallRE = regexp.MustCompile(`(?i)\b(?:(?:my|our|the) team and I|we|the team|our team|the neighbourhood team|officers|pcsos?|the pcsos?)\s+(?:had|ran|set up|held|manned|staffed|put up|were on|was on)\s+(?:a|an|our)\s+(?:(?:police|community|crime prevention|engagement|information|advice|pop-up|street)\s+)?(?:stall|stand|gazebo)s?\b`)

// opensQuote reports whether a sentence leaves a quotation open (its next
// sentences are still the speaker's); closesQuote whether one ends in it.
// officialQuoteGoesOn reports whether paragraph b, opening with a
// quotation mark, goes on with a quotation an official opened in the
// paragraph before and did not close there (a quotation over several
// paragraphs opens each with its mark and closes only the last): "Mr
// Coppinger said: "Thornaby residents ... an update." then ""Neighbourhood
// policing is the backbone of the service, and despite the cuts I am
// determined to protect it."" is still the Commissioner speaking.
func (r *run) officialQuoteGoesOn(b *segment.Block, text string) bool {
	if b.N < 2 || b.N-2 >= len(r.blocks) {
		return false
	}
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, `"`) && !strings.HasPrefix(t, "“") {
		return false
	}
	prev := r.blocks[b.N-2].Text
	return opensQuote(prev) && officialSpeaker(prev)
}

func opensQuote(s string) bool {
	return strings.Count(s, "“") > strings.Count(s, "”") || (!strings.ContainsAny(s, "“”") && strings.Count(s, `"`)%2 == 1)
}

func closesQuote(s string) bool {
	return strings.Contains(s, "”") || strings.Count(s, `"`)%2 == 1
}

// rowCancelledRE: a table cell that opens by saying the meeting was not
// held ("Cancelled – snow, centre closed.").
var rowCancelledRE = regexp.MustCompile(`(?i)^\W*(?:cancell?ed|postponed|called off|not held|no meeting)\b`)

// agencyMeetingRE: a meeting of agencies at work, named so ("the
// Stockton multi-agency tasking meeting", "the monthly partners' tasking
// meeting", "a joint action group meeting", "a case conference"): where
// the police and council share out what residents raised, not a meeting
// with the public, though a team "attended" it on a day. A sentence whose
// only meeting is one of these tells none ("We took the fly-tipping to the
// tasking meeting on 9 June"); one that names another meeting besides
// ("raised at the ward meeting on 2 June and passed to the tasking
// meeting") or residents met keeps that. (A partnership's own group told as meeting, "shared with the
// partnership's tasking group, which met on 29 June", names no tasking
// meeting: ownBodyRE places it at the authority, as its writer counted it.)
var agencyMeetingRE = regexp.MustCompile(`(?i)\b(?:(?:multi|inter)[- ]?agency\s+)?(?:(?:partners?['’]?|partnership(?:['’]s)?|police|neighbourhood|area|monthly|weekly|fortnightly|daily|local|joint)\s+)*tasking\s+meetings?\b|\bmulti[- ]?agency\s+(?:problem[- ]solving|operational|vulnerability|risk|safeguarding|case)\s+(?:meetings?|panels?)\b|\bjoint action group(?:\s+meetings?)?\b|\bJAG\s+meetings?\b|\bcase conferences?\b`)

// blankOut replaces a match with underscores of its length.
func blankOut(m string) string { return strings.Repeat("_", len(m)) }

// meetingCountRE: a sentence counting the meetings a writer held over a
// span without their days ("We held two street briefings last month",
// "Three surgeries were held in May"); group 1 or 2 the count.
// dayLedRE: a sentence that opens with its day, perhaps after a word of
// sequence ("On Thursday 7 March we were on ...", "Then on Tuesday 19th
// we set up outside ...").
var (
	meetingCountRE = regexp.MustCompile(`(?i)\b(?:held|ran|run|did|hosted|organised|organized|put on|carried out)\s+(?:(?:our|the)\s+)?(two|three|four|five|2|3|4|5)\s+(?:[\w-]+\s+){0,2}?(?:street briefings?|meetings?|surger(?:y|ies)|drop-ins?|walkabouts?|pop-ups?|forums?|pacts?|clinics?|coffee mornings?)\b|^\W*(two|three|four|five|2|3|4|5)\s+(?:[\w-]+\s+){0,2}?(?:street briefings|meetings|surgeries|drop-ins|walkabouts|pop-ups|forums|pacts|clinics|coffee mornings)\s+(?:were|have been)\s+(?:held|run)\b`)
	dayLedRE       = regexp.MustCompile(`(?i)^\W*(?:(?:then|next|later|after that|finally|and|first|firstly|secondly)\s*,?\s+)?on\s+`)
)

// dayCountRE: in a week told day by day, a paragraph's opening that only
// counts the day's meetings, with no verb and no place ("Two meetings on
// Tuesday.", "Three visits that day."): the sentences after it tell each
// meeting at its place ("In the afternoon I was at the Hilltop ward
// meeting, where ..."), so the count is no meeting of its own (what is
// raised at each is that meeting's, not a meeting of the count's).
var dayCountRE = regexp.MustCompile(`(?i)^\W*(?:two|three|four|2|3|4)\s+(?:[\w-]+\s+)?(?:meetings|surgeries|visits|drop-ins|engagements|events)(?:\s+(?:on|that|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|day))?\s*[.!:]?\s*$`)

// countedMeetingDays reads a paragraph that counts its meetings over a span
// and then tells each on its day, a sentence each ("We held two street
// briefings last month. On Thursday 7 March we were on Crescent Road,
// where ... Then on Tuesday 19 March we set up outside the shops, where
// ..."), as a neighbourhood team's or a councillor's update writes them:
// each day-led sentence is one of the meetings counted, though it names
// none, and the count is no meeting of its own span. Only when the day-led
// sentences after the count are exactly as many as it says, and the count
// names no day, so that a sentence of another day in passing is not read
// as a meeting. It returns the count's index (-1 for none) and the
// indexes of the meetings' sentences.
func countedMeetingDays(sents []string) (int, map[int]bool) {
	words := map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
	for ci, s := range sents {
		m := meetingCountRE.FindStringSubmatch(s)
		if m == nil || len(dates.Days(dates.Find(s))) > 0 {
			continue
		}
		n := words[strings.ToLower(m[1]+m[2])]
		led := map[int]bool{}
		for si := ci + 1; si < len(sents); si++ {
			sent := sents[si]
			l := dayLedRE.FindStringIndex(sent)
			if l == nil {
				continue
			}
			ds := dates.Find(sent)
			if len(ds) > 0 && ds[0].Start <= l[1]+1 && ds[0].IsDay() && ds[0].Rel == "" {
				led[si] = true
			}
		}
		if len(led) == n {
			return ci, led
		}
		return -1, nil
	}
	return -1, nil
}

// councilBusinessRE: councillors or officials doing their own business at
// a meeting ("Tees Valley councillors also discussed policing budgets at a
// meeting in Middlesbrough on Tuesday", "members approved the grant at
// the cabinet meeting"): a meeting of the body, not one with the public,
// unless the sentence names residents there or a meeting with them.
var councilBusinessRE = regexp.MustCompile(`(?i)\b(?:councillors|council leaders|leaders|members|officials|mayors|cabinet members|the panel|the committee|the board)\s+(?:also\s+|later\s+|then\s+)?(?:discussed|debated|considered|agreed|approved|voted on|voted)\b[^.;]{0,80}?\bat\s+(?:a|an|the|their|its)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|session)\b`)

// outsideAsides drops the places a sentence names only in a bracketed
// aside, a clause of the writer's own ("a walkabout in Redcar (not my
// patch, but folk from Dormanstown shop there)", "(which is where Coatham
// people go)"), when it names another place outside brackets: the aside
// says who comes or why, the place before it is where the meeting was. A
// bracket that is a venue, a list or a place alone ("(Thornaby, Yarm)",
// "(Saltburn)") is no aside and is kept.
func outsideAsides(s string, ms []gazetteer.Mention) []gazetteer.Mention {
	asides := asideRE.FindAllStringIndex(s, -1)
	if len(asides) == 0 {
		return ms
	}
	in := func(m gazetteer.Mention) bool {
		for _, a := range asides {
			if m.Start >= a[0] && m.End <= a[1] {
				return true
			}
		}
		return false
	}
	var out []gazetteer.Mention
	for _, m := range ms {
		if !in(m) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return ms
	}
	return out
}

// negatedPlaces drops the places a sentence names only to say the
// meeting was not about them ("went to a housing conference in Leeds –
// useful, but nothing about Redcar", "not much on Thornaby sadly"): the
// writer's comment on what the meeting had for the ward, not where it
// was, so a place the gazetteer does not know ("Leeds") is left to say
// the meeting was outside Cleveland. A place after "about" without the
// negation ("a meeting about Redcar's seafront") is kept.
func negatedPlaces(s string, ms []gazetteer.Mention) []gazetteer.Mention {
	var out []gazetteer.Mention
	for _, m := range ms {
		if !negatedPlaceRE.MatchString(s[:m.Start]) {
			out = append(out, m)
		}
	}
	return out
}

// negatedPlaceRE: the words before a place saying a meeting was not about
// it ("but not much about ", "nothing on ", "not a lot for "), ending
// where the place starts.
var negatedPlaceRE = regexp.MustCompile(`(?i)\b(?:not\s+(?:much|a\s+lot|a\s+great\s+deal|anything|really)|nothing(?:\s+much|\s+really)?|little)\s+(?:about|on|for|to\s+do\s+with|relevant\s+to|specific\s+to)\s+(?:the\s+)?$`)

// asideRE: a bracketed clause of the writer's own, opening on a word that
// starts a clause, not a name ("(not my ward but ...)", "(though ...)").
var asideRE = regexp.MustCompile(`(?i)\(\s*(?:not|though|although|but|because|as|since|which|who|where|i|i'm|we|we're|it|it's|they|sorry|even|just|mind)\b[^()]*\)`)

// fullCouncilRE: a councillor going to a sitting of the full council
// ("Sam went along to full council on the 4th, where the precept was
// set", "we sat through the full Council budget meeting on 12 March"):
// the council's own business in its chamber, which a ward newsletter
// reports beside the ward's meetings, not a meeting with the public,
// unless the sentence says residents or the public were there and spoke
// (a town council's minutes of its full council with public
// participation are that meeting's record, told by their own heading, not
// by a verb of going).
var fullCouncilRE = regexp.MustCompile(`(?i)\b(?:went|go|goes|going|attended|attend|attends|attending|sat\s+(?:in\s+)?(?:through|on)|was\s+at|were\s+at|been\s+to|popped\s+(?:along\s+)?(?:in)?to)\b(?:\s+(?:along|down|up))?(?:\s+to)?\s+(?:a\s+|the\s+|our\s+|last\s+(?:week's\s+|night's\s+|month's\s+)?)?full\s+(?:borough\s+|town\s+)?council\b`)

// partnersAppositiveRE: a body named and then said, set off by a comma,
// to be made up of agencies or businesses ("the Town Centre Traders'
// Forum, a partnership of shops, the council and the police", "the Rural
// Watch Group, a network of farmers and agencies"): a meeting of its
// members, not one with the public, unless the sentence names residents
// there. (A body said to be of residents, "a group of residents and
// officers", is residentsRE's and kept.)
var partnersAppositiveRE = regexp.MustCompile(`(?i),\s+(?:a|an|which\s+is\s+a)\s+(?:[\w'’-]+\s+){0,2}?(?:partnership|network|alliance|body|group|forum|board)\s+(?:of|between|for|bringing\s+together)\s+(?:local\s+|the\s+town['’]s\s+|the\s+)?(?:businesses|retailers|shops|traders|licensees|agencies|partner\s+agencies|partners|organisations|organizations|employers|farmers|statutory)\b`)

// councilCommitteeRE: a council's own committee named by its business
// ("sat on the planning committee on Tuesday", "the licensing
// sub-committee met on the 3rd", "at cabinet on Monday"): like full
// council (fullCouncilRE), the members deciding the council's business,
// which a councillor's post reports beside the ward's meetings, not a
// meeting with the public, unless the sentence says residents or the
// public were there and spoke. (A committee for policing or community
// safety is not named here: a Panel's or a council's community safety
// committee hearing from the neighbourhood team is read as before.)
var councilCommitteeRE = regexp.MustCompile(`(?i)\b(?:planning|licensing|audit|standards|finance|appeals|regulatory|development control|(?:corporate\s+)?resources)\s+(?:(?:and\s+[\w-]+\s+)?(?:sub-?\s?)?committees?|panels?)\b|\b(?:sat|was|were|went)\s+(?:on|at|to)\s+(?:the\s+)?(?:council['’]s\s+)?cabinet\b`)

// publicAfterBody reports whether a sentence that names the council's own
// committee or sitting (bodyRE) turns, in a later clause, to a meeting with
// the public the writer went to ("Tuesday went on the finance committee at
// the civic centre, but that evening I was at the Grove Hill ward forum",
// "sat on the licensing panel in the morning, then went along to the
// Thornaby residents' meeting"): the day's own business is told only to
// set the scene; the clause after "but" or "then" tells a public meeting of
// its own, which the committee must not block. A turn with no attending
// verb, or to a meeting not said to be the public's ("but later the
// planning committee met again"), blocks as before.
func publicAfterBody(sent string, bodyRE *regexp.Regexp) bool {
	loc := bodyRE.FindStringIndex(sent)
	if loc == nil {
		return false
	}
	rest := sent[loc[1]:]
	t := bodyTurnRE.FindStringIndex(rest)
	if t == nil {
		return false
	}
	clause := rest[t[1]:]
	return attendRE.MatchString(clause) && publicMeetingNounRE.MatchString(clause) && !bodyRE.MatchString(clause)
}

// bodyTurnRE: a clause turning from the day's business to something else
// ("..., but in the evening", "; then", ", and later").
var bodyTurnRE = regexp.MustCompile(`(?i)(?:[,;]\s*|\s+)(?:but|then|and then|and later|before|after which)\b`)

// publicMeetingNounRE: a meeting said to be the public's or a place's
// ("community meeting", "ward forum", "residents' meeting", "PACT").
var publicMeetingNounRE = regexp.MustCompile(`(?i)\b(?:community|ward|residents['’]?|public|neighbourhood|village|tenants['’]?|estate)\s+(?:(?:[\w'’-]+\s+)?(?:meeting|forum|surgery|drop-in|walkabout))\b|\bpact(?:\s+meeting)?\b`)

// publicSpokeRE: the public taking part in a council's sitting ("public
// questions", "public participation").
var publicSpokeRE = regexp.MustCompile(`(?i)\bpublic\s+(?:questions?|participation|forum|gallery)\b`)

// partnerBriefingRE: a briefing given to the Commissioner or officials by
// an agency or partnership ("received a briefing from the Hartlepool Safer
// Partnership", "a partnership briefing from the Community Safety
// Partnership", "a briefing for officers and partners", "a useful briefing
// with the council's community safety team and the neighbourhood
// inspector"); publicBriefingRE:
// one the public was at (a street or residents' briefing).
var (
	partnerBriefingRE = regexp.MustCompile(`(?i)\b(?:received|was given|were given|took|attended)\s+(?:a|an|the)\s+(?:(?:partnership|partners['’]?|officers['’]?|agency|multi-agency|verbal|written|detailed|short)\s+)?briefing\s+(?:from|by)\b|\bpartnership briefing\b|\bbriefing for (?:(?:town|parish|town and parish|council)\s+)?(?:officers|partners|agencies|staff|clerks|councillors)\b|\bbriefing with (?:the\s+)?(?:council['’]s|police['’]s|force['’]s|neighbourhood inspector|inspector|officers|partners|agencies)\b`)
	publicBriefingRE  = regexp.MustCompile(`(?i)\b(?:street|residents['’]?|community|public|doorstep)\s+briefings?\b`)
)

// mpMeetsPCCRE: a Member of Parliament meeting the Commissioner or the
// force's chief officers ("Stockton North MP ... has stressed the need for
// more visible policing following a meeting with Police and Crime
// Commissioner ...", "the MP met the Chief Constable on Friday"): a
// meeting between officials, however much the MP's constituents' concerns
// were its subject; no meeting with the public unless the sentence names
// residents there. ("MP" is matched in capitals only.)
var mpMeetsPCCRE = regexp.MustCompile(`(?i)\b(?-i:MPs?)\b[^.;]{0,160}?\b(?:(?:meeting|meetings|met|meets|meet)\s+(?:with\s+)?(?:the\s+)?(?:(?:area'?s|county'?s|force'?s|cleveland'?s)\s+)?(?:police and crime commissioner|pcc|police commissioner|chief constable|assistant chief constable|deputy chief constable)\b)`)

// ownCommitteeRE: a residents' or tenants' group's own committee meeting
// ("an officer popped in to our March committee meeting to bring us up to
// date", "at the association's committee meeting"): its officers' working
// meeting, which the group's members elect and the public do not attend
// (its general meetings and AGMs are the public ones), so no meeting with
// the public, whoever came along.
var ownCommitteeRE = regexp.MustCompile(`(?i)\b(?:our|the (?:association|group|forum|society)['’]s)\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|monthly|last|latest|next|recent)\s+)?committee\s+meetings?\b`)

// committeeGuestRE: the Commissioner as the guest a group's committee
// had ("the Commissioner came to our committee meeting as part of his
// round of ward meetings"): one of his meetings with the public, which
// the members who came to it raise their concerns at.
var committeeGuestRE = regexp.MustCompile(`(?i)\b(?:commissioner|pcc)\b`)

// policeWorksVisitRE: a visit to the police's own working premises ("he
// also toured the new custody suite at the central police station (16
// June) with Panel members", "visited the force control room"): a
// Commissioner's look at the force's work, which no public attends, not a
// meeting where residents raise concerns. (A surgery or drop-in held at a
// police station is not matched: only the custody suite, control room,
// contact centre and the like, and only when no residents are told.)
var policeWorksVisitRE = regexp.MustCompile(`(?i)\b(?:visited|visit|visits|toured|tour|tours|opened|was shown (?:round|around)|went (?:round|to see))\s+(?:the\s+)?(?:(?:new|newly[- ]\w+|refurbished|force|force's|force’s|police)\s+){0,3}(?:custody (?:suite|centre|center|unit|block)|(?:communications?\s+|control\s+and\s+)?control room|contact (?:centre|center|management centre)|call (?:centre|handling centre)|training (?:centre|center|college|school)|firearms? range|dog (?:section|unit|kennels)|forensics? (?:lab|laboratory|unit)|(?:police|force) headquarters)\b`)

// reportedBeforeRE: a report's sentence saying the meetings it names
// were told in the report before ("was reported to the Panel at its last
// meeting and is not repeated here", "Members will recall from the
// previous report that actions from the September meetings in Yarm and
// Eaglescliffe ..."): that report's meetings, which writers leave out of
// this one's.
var reportedBeforeRE = regexp.MustCompile(`(?i)\b(?:(?:was|were|has been|have been) (?:already )?reported to (?:the )?(?:Panel|Members)\b|(?:is|are) not repeated here\b|(?:recall|reported) (?:from|in) (?:the|my|our) (?:previous|last) report\b)`)

// privateRE: a sentence saying an engagement was closed to the public
// ("No public attendance", "That meeting is not open to members"), or
// open only to those of a trade or an agency ("the town centre retailers'
// forum (business only)", "an agencies-only session"), or a bracket that
// ends on it ("(officer briefing, not public)").
var privateRE = regexp.MustCompile(`(?i)\bno (?:public|members of the public) (?:attendance|present|attended)|\bnot open to (?:the public|(?:our |the )?members|residents)\b|\bnot a public (?:meeting|event)\b|\b(?:officers?|partners?|staff|members?|councillors?)[- ]only\b|\bclosed (?:session|meeting)\b|\bheld in private\b|\bgovernance only\b|\b(?:business(?:es)?|trade|agenc(?:y|ies)|professionals?)[- ]only\b|\([^()]*\bnot (?:open to the )?public\s*\)`)

// namesOwnMeetingBefore reports whether a sentence names a meeting of its
// own, by name (a capitalised word right before the meeting's noun), before
// the words re matches in it: then those words are said of that meeting,
// not of the one the sentence before told. "J. Lee went to the Park ward
// meeting last month. The Chair went to the Safer Town partnership board
// in the Civic Centre (not open to the public)": the board is the closed
// one, and the ward meeting still counts. A sentence whose subject points
// back ("That meeting is not open to members", "It's a formal committee,
// not a public meeting") or a noun with no name ("a short session with
// officers (not open to the public)") speaks of the meeting told before.
func namesOwnMeetingBefore(sent string, re *regexp.Regexp) bool {
	p := re.FindStringIndex(sent)
	if p == nil {
		return false
	}
	if backRefSubjectRE.MatchString(sent) {
		return false // "It's a formal committee, not a public meeting": the one told before
	}
	for _, m := range meetingNounRE.FindAllStringIndex(sent[:p[0]], -1) {
		before := strings.Fields(sent[:m[0]])
		if len(before) < 2 {
			continue // the sentence's first word: no name before the noun
		}
		if w := strings.Trim(before[len(before)-1], "\"'’("); w != "" && unicode.IsUpper([]rune(w)[0]) {
			return true // "the Safer Town partnership board": a name of its own
		}
	}
	return false
}

// backRefSubjectRE: a sentence whose subject points back to what the one
// before told ("It's", "That meeting", "This was", "They are").
var backRefSubjectRE = regexp.MustCompile(`(?i)^\W*(?:it|that|this|these|those|they|which)\b`)

// heldLineRE: a record's date line under its heading that opens with
// "held" ("MINUTES OF THE MEETING OF THE TOWN COUNCIL" over "held
// remotely by Zoom on Wednesday 3rd March 2021 at 7 pm"): the record's
// own meeting and its day, as "Date: ..." is.
var heldLineRE = regexp.MustCompile(`(?i)^\W*held\b[^.;:]{0,60}?\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)

// agencyBodyRE: a sentence, or words set off after a meeting's name, that
// say what the body met was: agencies or partners, not the public ("It is
// a meeting of partner agencies and landowners", "the Rural Crime Forum,
// a group of statutory partners, on 9 May"). The meeting told in the
// sentence or the one before is no meeting with the public, whatever its
// name ("forum") suggests.
var agencyBodyRE = regexp.MustCompile(`(?i)(?:\b(?:this|that|it|the (?:forum|group|board|panel|body))\s+(?:is|was)\s+|,\s*)(?:a|an)\s+(?:(?:regular|monthly|quarterly|formal|standing)\s+)?(?:meeting|forum|gathering|body|group)\s+(?:of|for|between)\s+(?:the\s+)?(?:(?:statutory|local|key|relevant)\s+)?(?:partner|partners|agencies|agency|professionals|organisations|officials)\b`)

// agencyBodyOf reports whether a sentence says its meeting is agencies'
// (agencyBodyRE) and names no residents or public among them ("This is a
// meeting of partners and residents" is one with the public).
func agencyBodyOf(sent string) bool {
	return agencyBodyRE.MatchString(sent) && !residentsRE.MatchString(sent)
}

// noMeetingsSaidRE: a sentence saying a day or span had no meeting at all
// ("No public meetings today.", "There were no surgeries that week", "No
// meetings with residents on Friday - office day"), as a diary of a week
// says of its quiet day. It names the meeting word only to deny it, so it
// tells no meeting, whatever place the page gives. ("No meeting was held"
// and "No surgery in December" are cancelledRE's; a sentence where the
// denial is of something else, "no concerns were raised at the meeting",
// keeps its meeting.)
var noMeetingsSaidRE = regexp.MustCompile(`(?i)(?:^\W*|\b(?:there\s+(?:were|was|are|is|will\s+be)|we\s+had|I\s+had|he\s+had|she\s+had)\s+)no\s+(?:(?:public|community|ward|residents['’]?|pact|other|more|further|evening)\s+)*(?:meetings?|surger(?:y|ies)|drop-ins?|walkabouts?|pacts?)(?:\s+with\s+(?:the\s+)?(?:public|residents))?\s*(?:today|tonight|yesterday|that\s+(?:day|evening|week|morning|afternoon)|this\s+(?:week|time)|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|\W*$)`)

// cancelledRE: a meeting that did not take place ("No surgery in December
// – happy Christmas", "Hartburn ward meeting postponed at the request of
// the organisers").
var cancelledRE = regexp.MustCompile(`(?i)\b(?:was|were|has been|have been|had been|had to be|is|are)\s+(?:(?:sadly|unfortunately|now)\s+)?(?:postponed|cancell?ed|called off|deferred|abandoned|rearranged|put back|moved to a later date)\b|\bno (?:public |community |formal )?meeting (?:was|were) held\b|\bnot (?:reported|counted|recorded) as (?:a meeting|one)\b|\b(?:meeting|surgery|forum|pact|walkabout|drop-in)\s+(?:postponed|cancell?ed|called off)\b|^\W*no\s+(?:(?:public|community|ward|pact)\s+)?(?:meetings?|surger(?:y|ies)|pacts?|drop-ins?|forums?|walkabouts?)\s+(?:in|this|that|during|over|last)\b`)

// panelRE: the Police and Crime Panel, which a Programme of Engagement
// report is written for; its meeting is not one with the public.
var panelRE = regexp.MustCompile(`(?i)\bpolice and crime panel\b`)

// partnersOnlyRE: a sentence saying the meetings a paragraph listed were
// agencies' or not public ("These were partnership meetings", "All of
// these were internal meetings", "They are listed for information
// only", "These are not community meetings"), the meetings named as
// such too, after the writer's report of them ("...and sat on the
// Safer Redcar board on 3 May; those meetings are partner meetings and
// are left out of the table": "those meetings", "these two", as
// "these"). ("Partnership meetings will be reported separately" and "the
// partnership meeting heard from residents" are not: the words must say
// what these meetings were.) A lead-in may say it in brackets before the
// colon that opens its list ("Other meetings he attended (not community
// meetings): the Youth Forum on 3 May; ..."): what follows the colon is
// those meetings; a bracket inside a sentence ("the forum (not a public
// meeting) and a ward meeting on 4 May") is not a lead-in.
var partnersOnlyRE = regexp.MustCompile(`(?i)\(\s*(?:all\s+)?(?:not\s+(?:public|open|community|residents['’]?|neighbourhood)|partnership|partners?['’]?|governance|internal|private)\s+(?:meetings|bodies|boards|forums|events)\s*\)\s*:|\b(?:these|those|they|all of these|both|all|each)(?:\s+(?:meetings|bodies|boards|forums|events|two|three))?\s+(?:were|are|was)\s+(?:all\s+)?(?:partnership|partners?'?|agency|governance|internal|private|closed|non-public)\s+(?:meetings|bodies|boards|forums|events)\b|\b(?:these|they|all of these|neither|none of these)(?:\s+(?:meetings|bodies|boards|groups|events))?\s+(?:were|are|was|is)\s+not\s+(?:public|open|community|residents['’]?|neighbourhood)\b|\b(?:is|are)\s+listed\s+for\s+information\s+only\b`)

// agenciesMeetingRE: an appositive saying whom a meeting was of, ending on
// agencies or their officers ("..., a meeting of Cleveland Police, the
// Environment Agency and council officers, which ...", "a gathering of
// partner agencies"): with no residents or public in the paragraph
// (agenciesOnlyMeeting), no meeting with the public.
func agenciesOnlyMeeting(text string) bool {
	return agenciesMeetingRE.MatchString(text) && !residentsRE.MatchString(text)
}

var agenciesMeetingRE = regexp.MustCompile(`(?i),\s+an?\s+(?:meeting|gathering|forum)\s+(?:of|between)\s+[^.;:()]{0,100}?\b(?:officers|agencies|organisations|officials|partners)\b\s*(?:[,.;)]|$)`)

// notPublicRE: a table's meeting or outcome cell that says the meeting
// was not held with the public ("(internal)", "partners briefing", "Not a
// public meeting", "held in private").
// partnerBracketRE: a meeting's name followed by whom it was with, in
// brackets, partners and no public ("Rural Crime Forum (partner
// agencies)", "Tasking group (partners only)", "(multi-agency)").
var partnerBracketRE = regexp.MustCompile(`(?i)\((?:with\s+)?(?:partner agencies|partner organisations|partner (?:meeting|event|session)|partners|partner|partnership|multi-agency|agencies|statutory partners|governance)(?:\s+only)?\)`)

// bodyBusinessRE: a partnership's or board's row whose issues cell says
// what the body dealt with was its own, with no public part ("Partnership
// business (no public questions)", "No questions from the public",
// "Board business only").
var bodyBusinessRE = regexp.MustCompile(`(?i)\bno (?:public|residents['’]?) questions\b|\bno questions (?:from|by) (?:the )?(?:public|residents|members of the public)\b|^\W*(?:partnership|partners['’]?|board|governance|national|internal|agency)\s+business\b`)

var notPublicRE = regexp.MustCompile(`(?i)\binternal\b|\bnot (?:a |an )?(?:public|open)\b|\bnot open to the public\b|\bin private\b|\bprivate (?:meeting|session|briefing)\b|\bclosed (?:meeting|session)\b|\bpartners?'?(?:'s|’s|’)? briefing\b`)

// oneDay reports whether mentions all resolve to one and the same day.
func (r *run) oneDay(ds []dates.Mention) bool {
	var first dates.Span
	for i, d := range ds {
		sp, _, err := r.a.Resolve(d, false)
		if err != nil || sp.Precision != dates.Day {
			return false
		}
		if i == 0 {
			first = sp
		} else if !sp.Start.Equal(first.Start) {
			return false
		}
	}
	return true
}

// onlyDay reports whether a block gives no date, or only the day of span
// ("... met people from Norton last night." then "Barry Coppinger was at
// the Norton South ward meeting ... on Thursday evening": the same day).
func (r *run) onlyDay(b *segment.Block, span dates.Span) bool {
	for _, d := range r.datesOf(b) {
		sp, _, err := r.a.Resolve(d, false)
		if err != nil || span.Precision != dates.Day || !sp.Start.Equal(span.Start) || !sp.End.Equal(span.End) {
			return false
		}
	}
	return true
}

// speakingToRE: the Commissioner speaking to or with people.
var speakingToRE = regexp.MustCompile(`(?i)\b(?:speaking|talking|listening)\s+(?:to|with)\b`)

// wardMeetingRefRE: a sentence naming a ward's meeting ("the Burn Valley
// ward meeting", "the meeting of Jesmond ward", "Kader ward's community
// meeting").
var wardMeetingRefRE = regexp.MustCompile(`(?i)\bward(?:'s|’s)?\s+(?:(?:community|residents'?|police|public|neighbourhood)\s+)?(?:meeting|forum|surgery)\b|\bmeeting,?\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){1,4}ward\b`)

// listedWard reads a clause of a list of ward meetings that names its
// place without the word "ward" ("attended the Ingleby Barwick North ward
// meeting on the 19th, and then Southern Villages on the 26th"): when the
// sentence's other places are wards of one authority, the clause's
// capitalised name is a ward of that authority too, or nothing.
func (r *run) listedWard(clause, sent string, at time.Time) string {
	if len(r.find(clause, at)) > 0 {
		return ""
	}
	lad := ""
	for _, p := range r.find(sent, at) {
		switch {
		case p.Kind != "ward":
			continue
		case lad != "" && lad != p.LADCode:
			return ""
		}
		lad = p.LADCode
	}
	if lad == "" {
		return ""
	}
	for _, name := range capitalRunRE.FindAllString(clause, -1) {
		for _, p := range r.find(name+" ward", at) {
			if p.Kind == "ward" && p.LADCode == lad {
				return name + " ward"
			}
		}
	}
	return ""
}

// placeWithin reports whether one of a sentence's places lies between
// offsets from and to: in a list of places each with its day in brackets
// ("ward meetings in Kader (3rd), Newport (10th) and Park (24th)") the
// sentence reads "Newport" as a place though the clause ", Newport (10th)"
// alone does not, the "in" being the list's; the clause's place is that
// one, not the next clause's.
func placeWithin(places []gazetteer.Mention, from, to int) bool {
	for _, p := range places {
		if p.Start >= from && p.End <= to {
			return true
		}
	}
	return false
}

// capitalRunRE: a run of capitalised words, a name ("Southern Villages").
var capitalRunRE = regexp.MustCompile(`\b[A-Z][\w'’&-]*(?:\s+(?:&\s+|and\s+|on\s+|upon\s+)?[A-Z][\w'’&-]*)*`)

// wardsBlanked blanks the wards among places in s, keeping its length.
func wardsBlanked(s string, places []gazetteer.Mention) string {
	for _, p := range places {
		if p.Kind == "ward" {
			s = s[:p.Start] + strings.Repeat(" ", p.End-p.Start) + s[p.End:]
		}
	}
	return s
}

// toldPCCRE: residents telling the Commissioner something on a day they
// met him ("Residents of the Hardwick and Salters Lane ward told
// Cleveland's Police and Crime Commissioner last night that ...", "Around
// thirty people squeezed into the community centre on Tuesday evening to
// put their questions to Police and Crime Commissioner Barry Coppinger").
var toldPCCRE = regexp.MustCompile(`(?i)\b(?:residents|people|tenants|villagers|traders|parents|farmers)\b[^.;]{0,100}?\b(?:told|tell|asked|ask|questioned|question|quizzed|quiz|warned|warn|put (?:their |his |her )?questions to)\s+(?:[A-Z][\w'’]*\s+){0,2}(?:the\s+)?(?:(?:county|area|force|town|region)'?’?s?\s+)?(?:police and crime commissioner|police commissioner|commissioner|pcc)\b|\b(?:police and crime commissioner|police commissioner|crime commissioner|commissioner|pcc)\b[^.;]{0,30}?\b(?:was|were|has been|had been)\s+(?:told|asked|questioned|quizzed|warned)\b`)

// pastForSure reports whether a meeting's day was before the document
// was written whatever its words say: before the publication date, with
// its year written or within the report's period.
func (r *run) pastForSure(d dates.Mention, sp dates.Span) bool {
	if d.Rel != "" || d.RelMonth != "" || d.RelWeek != "" || r.a.Published.IsZero() {
		return false // resolved as future already, or no publication date to be sure by
	}
	if d.Year != 0 && !r.a.Published.IsZero() {
		return sp.Start.Before(r.a.Published)
	}
	return !r.a.PeriodEnd.IsZero() && !sp.Start.Before(r.a.PeriodStart) && !sp.Start.After(r.a.PeriodEnd) && sp.Start.Before(r.a.Published)
}

// pubLabelDropped drops the dates a label makes the document's own
// ("Summary of PACT meetings, January – March 2015 · Issued 27 March
// 2015"): no meeting's day. So are the days a message gives itself,
// whatever meeting it names beside them: a blog's byline with its writer
// and category ("Posted by Jan Orde on 3rd March 2019 in Meetings"), an
// e-mail's headers pasted with it ("From: ... To: ... Date: Tue, 5 Mar
// 2019 09:10 Subject: Notes from Monday's meeting": when it was sent, and
// a subject naming the meeting its body tells), and a quoted reply's
// attribution ("On Fri, 1 Mar 2019 at 17:45, Jan Orde <...> wrote:
// Reminder: the residents' meeting is on Monday 4th March": when the
// quoted message was written, not the day of the meeting it names).
func pubLabelDropped(sent string, ds []dates.Mention) []dates.Mention {
	envelope := mailFromRE.MatchString(sent) && mailDateRE.MatchString(sent) && mailToRE.MatchString(sent)
	var out []dates.Mention
	for _, d := range ds {
		if d.Start <= len(sent) && (envelope || pubLabelBeforeRE.MatchString(sent[:d.Start]) || postedByBeforeRE.MatchString(sent[:d.Start]) ||
			(d.End <= len(sent) && attributionOnRE.MatchString(sent[:d.Start]) && wroteAfterRE.MatchString(sent[d.End:]))) {
			continue
		}
		out = append(out, d)
	}
	return out
}

var pubLabelBeforeRE = regexp.MustCompile(`(?i)\b(?:issued|published|posted|updated|report date|date of (?:issue|publication))(?:\s+on)?\s*:?\s*$`)

// postedByBeforeRE: a byline's verb and writer before its day ("Posted by
// Jan Orde on", "Posted by Cllr Gillian Harbottle, Rural West ward,
// Hartlepool Borough Council - "); mailFromRE, mailDateRE, mailToRE: an e-mail's header
// fields, all three in one block (its envelope: "From: ... To: ...
// Date: ..."); attributionOnRE and wroteAfterRE: a quoted reply's
// attribution around its day and time ("On Fri, 1 Mar 2019 at 17:45,
// Jan Orde <jan@example.org> wrote:"; the time tells a mail program's
// line from "On Monday 4th March, the chair wrote: ...").
var (
	postedByBeforeRE = regexp.MustCompile(`(?i)\b(?:posted|published|written|added)\s+by\s+(?:[^.;:!?]{2,60}?\s+on|[^.;:!?]{2,120}?\s[-–—])\s*$`)
	mailFromRE       = regexp.MustCompile(`(?:^|\s)From:\s`)
	mailDateRE       = regexp.MustCompile(`(?:^|\s)(?:Date|Sent):\s`)
	mailToRE         = regexp.MustCompile(`(?:^|\s)(?:To|Subject):\s`)
	attributionOnRE  = regexp.MustCompile(`(?:^|[\s>])On,?\s*$`)
	wroteAfterRE     = regexp.MustCompile(`^,?\s*(?:at\s+)?[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?\s*(?:[ap]\.?m\.?)?,?\s+[^.!?<]{0,80}?(?:<[^>]{3,80}>\s*)?wrote:`)
)

// arrangedRE: the present progressive of an arrangement, which English
// uses for what is fixed to come ("Anne is stepping down as treasurer at
// the AGM in October", "the PCSO is doing a drop-in at the library on
// Friday 5th July", "we're holding a meeting in the autumn"): a meeting
// told so is a plan, and its month or day without a year is the next
// one, not last year's. Only verbs of arranging, holding or taking part,
// the meeting named a few words after them, in a sentence with no verb
// saying a meeting was held (arranged): "residents are complaining about
// the bikes raised at the meeting in May" tells what goes on, and
// "villagers packed the hall last night to say thieves are running rings
// around them" a meeting held.
var arrangedRE = regexp.MustCompile(`(?i)\b(?:is|are|am|we're|we’re|they're|they’re|she's|she’s|he's|he’s)\s+(?:(?:also|now|then|again|still)\s+)?(?:standing down|stepping down|standing for|holding|hosting|running|doing|putting on|organising|organizing|laying on|coming (?:to|along)|attending|joining (?:us|them)|setting up|launching)\b`)

// comingRE: a meeting, named with no verb before it, "coming to" a place,
// as notes and minutes write what is arranged ("Police 'Coffee with a Cop'
// coming to the hub in June, date tbc"); arrangedRE's verbs need an "is".
var comingRE = regexp.MustCompile(`(?i)\b(?:meetings?|surger(?:y|ies)|drop-ins?|walkabouts?|briefings?|cop(?:per)?|coffee mornings?|pacts?|sessions?|clinics?)["”’']?\s+coming\s+(?:to|along|back)\b`)

// arrangedIdiomRE: what after one of arrangedRE's verbs makes it an
// idiom of what goes on ("are running rings around the police", "running
// riot", "doing damage").
var arrangedIdiomRE = regexp.MustCompile(`(?i)^\s+(?:rings|riot|wild|amok|out\b|late|low|away|scared|risks?\b|a risk|the risk|damage|harm|drugs|deals?\b|their best|what they (?:like|want))`)

// arranged reports whether held tells its meeting in the present
// progressive of an arrangement (arrangedRE), the meeting's word within
// a few words after the verb, and says of no meeting that it was held.
func arranged(held string) bool {
	if comingRE.MatchString(held) && !pastHeldRE.MatchString(held) {
		return true // a note's "Police surgery coming to the library in May"
	}
	loc := arrangedRE.FindStringIndex(held)
	if loc == nil || pastHeldRE.MatchString(held) || arrangedIdiomRE.MatchString(held[loc[1]:]) {
		return false
	}
	return meetingNounRE.MatchString(held[loc[1]:min(len(held), loc[1]+50)])
}

// heldPart is sentence sent without a relative clause after its day d
// that tells something else's future, when sent says in the past that
// the meeting was held ("Around forty residents turned out at the Seaton
// ward meeting on Monday evening, held as part of the programme, which
// will see him visit every ward over the coming year": the programme's
// future, not the meeting's).
//
// A clause joined after the day that opens on someone's future ("I have
// heard the same about drugs at a residents' meeting last month, and I
// will be asking the Chief Constable ...") is cut too, when the part
// before it has no word of the future itself: the promise is the
// speaker's, the meeting was held. The part before must tell something in
// the past ("The Commissioner's next engagement is in Greatham on
// Wednesday 20th, and he will also ..." tells none).
//
// A clause after a semicolon past the day is cut the same way, when the
// part before it tells the meeting as held ("She reported on the ward
// surgery held at the library on Saturday 9th October, where parking was
// the main complaint; officers will attend at school times": the police's
// promise, not a meeting to come).
func heldPart(sent string, d dates.Mention) string {
	if d.End > len(sent) {
		return sent
	}
	if k := strings.IndexByte(sent[d.End:], ';'); k >= 0 {
		if part := sent[:d.End+k]; pastHeldRE.MatchString(part) || meetingHeldRE.MatchString(part) {
			sent = part
		}
	}
	if loc := joinedFutureRE.FindStringIndex(sent[d.End:]); loc != nil && pastVerbRE.MatchString(sent[:d.End+loc[0]]) && !futureRE.MatchString(sent[:d.End+loc[0]]) && !arranged(sent[:d.End+loc[0]]) {
		return sent[:d.End+loc[0]]
	}
	if loc := crowdToldRE.FindStringIndex(sent[d.End:]); loc != nil && crowdInRE.MatchString(sent[:d.End+loc[0]]) {
		return sent[:d.End+loc[0]]
	}
	loc := relativeRE.FindStringIndex(sent[d.End:])
	if loc == nil || !pastHeldRE.MatchString(sent[:d.End+loc[0]]) {
		return sent
	}
	return sent[:d.End+loc[0]]
}

// crowdInRE and crowdToldRE: a crowd that filled a hall on its day and
// what it came to tell ("Some forty tenants crowded into the church hall
// on Monday to complain that the estate will be left without a PCSO"):
// the crowd's errand after the day is what they said, so its "will" is
// their fear, not the meeting's future (heldPart cuts it off). Not a
// crowd still to come: "residents will pack the hall on Monday to ..."
// keeps its future before the day.
var (
	crowdInRE   = regexp.MustCompile(`(?i)\b(?:(?:squeezed|crammed|piled|packed|crowded)\s+(?:in|into|a|an|the)|filled\s+(?:a|an|the)|turned\s+(?:out|up)|came\s+(?:along\s+)?to)\b`)
	crowdToldRE = regexp.MustCompile(`(?i)\s+to\s+` + crowdPurpose + `\b`)
)

// pastCausePart is held from the clause that tells in the past the
// meeting a promise or plan follows from, when the day d is inside it:
// "The Commissioner has promised that residents' concerns will be acted
// on after some sixty people attended the Grangetown ward meeting last
// night (Monday 4 June)": the word of the future is the promise's, the
// meeting was held. The clause opens with "after" or "following" and
// says the meeting was attended or held ("after residents packed into",
// "following the meeting held on"); a future after it ("after residents
// asked for it, he will hold a meeting on 10 May") keeps the sentence's
// future, since the part kept runs on to the day.
func pastCausePart(held string, d dates.Mention) string {
	if d.Start > len(held) {
		return held
	}
	locs := pastCauseRE.FindAllStringIndex(held[:d.Start], -1)
	if len(locs) == 0 {
		return held
	}
	return held[locs[len(locs)-1][0]:]
}

// willBefore reports whether the sentence says "will" contracted before
// the day d ("The PCSOs say they'll do a street surgery on the estate in
// July, date to follow"): the meeting is one to come, as with "will"
// (futureRE), whose month without a year is the next. Only before the
// day: a contraction after it is most often another plan told on ("walked
// round the estate on Saturday - we'll be doing bike marking at the next
// one", the sentence run on past an emoji).
func willBefore(sent string, d dates.Mention) bool {
	return d.Start <= len(sent) && willContractedRE.MatchString(sent[:d.Start])
}

// recallRE: the reader asked to remember what is told ("Some of you will
// remember that back in March ... I went along to"): a "will" that looks
// back, not forward.
var recallRE = regexp.MustCompile(`(?i)\b(?:you|some of you|many of you|most of you|readers|residents|members|people)\s+(?:will|may|might|would)\s+(?:remember|recall|know|be aware|have (?:seen|heard|read))\b`)

// willContractedRE: "will" contracted after its subject ("they'll", "we’ll").
var willContractedRE = regexp.MustCompile(`(?i)\b(?:i|we|they|he|she|you|it|officers|pcsos?|police|team)['’]ll\b`)

// pastCauseRE: "after"/"following" and a past verb of attending or
// holding a meeting within a few words.
var pastCauseRE = regexp.MustCompile(`(?i)\b(?:after|following)\s+(?:[\w'’-]+\s+){0,6}?(?:attended|turned (?:out|up)|packed(?: into)?|gathered|came along|met|held|took place|spoke out)\b`)

// joinedFutureRE: a clause joined by "and" or "but" that opens on its
// subject's future ("and I will be asking", ", but we'll").
var joinedFutureRE = regexp.MustCompile(`(?i),?\s+(?:and|but)\s+(?:I|we|he|she|they|the (?:commissioner|pcc|police|team|council))\s*(?:will|shall|would|['’]ll|(?:is|are|am) going to)\b`)

// pastVerbRE: a verb in the past.
var pastVerbRE = regexp.MustCompile(`(?i)\b(?:was|were|had|heard|told|said|met|went|came|spoke|saw|took|gave|[a-z]{2,}ed)\b`)

var (
	// relativeRE opens a non-restrictive relative clause.
	relativeRE = regexp.MustCompile(`,\s*(?:which|who|whose)\s`)
	// meetingHeldRE: a meeting named with "held" as its participle ("the
	// ward surgery held at the library"), not one "to be held".
	meetingHeldRE = regexp.MustCompile(`(?i)\b(?:meeting|surgery|walkabout|drop-in|pact|forum|session)\s+held\b`)
	// pastHeldRE: a meeting said in the past to have been held or attended.
	pastHeldRE = regexp.MustCompile(`(?i)\b(?:turned (?:out|up)|attended|(?:was|were) held|took place|packed (?:into)?|gathered|came along|visited|went (?:to|along)|spoke (?:at|to))\b`)
)

// setAttendance gives an emitted meeting the attendance a later paragraph
// tells, when it had none.
func (r *run) setAttendance(id string, n int) {
	for i := range r.res.Events {
		if e := &r.res.Events[i]; e.EventID == id && e.Meeting != nil && e.Meeting.Attendance == 0 {
			e.Meeting.Attendance = n
		}
	}
}

// sinceRE: "since" opening a clause that dates something else ("since
// being elected in May", "since it opened in 2015"); or a relative clause
// of someone's election or appointment ("Steve Turner, who was elected in
// May, was at the ... ward meeting").
// (Likewise a relative clause telling when an election or a boundary
// change took place: "the new ward boundaries, which came into force at
// the elections in May", "the new wards, created at the council elections
// in May": the elections' month, not a meeting's, electionsBeforeRE.)
// Likewise a clause telling when someone started in office or something
// came into force, with or without "which" ("the Commissioner, who took
// office on 3 May, held his first meeting ...", "the first meeting since
// the new wards came into force in May"): the start of the office or of
// the rule, not a meeting (officeStartRE).
var sinceRE = regexp.MustCompile(`(?i)\bsince\b|\bwho (?:was|were|had been) (?:elected|appointed|re-elected)\b|\bwhich (?:came|come|comes) into (?:force|effect)\b|\b(?:which|that) took effect\b|` + officeStartRE)

// officeStartRE: someone taking up office or being sworn in, or a rule or
// boundary coming into force ("who took office on 22 November", "was
// sworn in on 15 November", "the new boundaries came into force in May").
const officeStartRE = `\b(?:took|takes|take|taking) (?:up )?(?:office|(?:his|her|their) (?:post|seat))\b|\b(?:was|were|been|being) sworn in\b|\b(?:came|come|comes|coming) into (?:force|effect)\b`

// electionsBeforeRE: "elections" right before a month ("at the council
// elections in May"), or wards made or boundaries redrawn then ("one of
// the wards created in May"); a day after it ("the local elections on 4
// May") may be a meeting's too, and is kept.
var electionsBeforeRE = regexp.MustCompile(`(?i)\belections\s+(?:in\s+)?$|\b(?:wards?|boundaries)\s+(?:(?:was|were)\s+)?(?:created|redrawn|changed|introduced|came\s+in)\s+(?:in\s+)?$`)

// changesAfterRE: a month's possessive before the boundary changes or
// elections it dates ("last month's boundary changes", "May's council
// elections").
var changesAfterRE = regexp.MustCompile(`(?i)^['’]s\s+(?:(?:local|council|ward|borough)\s+)*(?:boundary\s+(?:changes?|review)|elections?)\b`)

// sinceDropped leaves out the mentions that close a "since" clause of the
// sentence ("... the first event he has attended since being elected in
// May"): that date is when something else began, not the meeting's.
func sinceDropped(sent string, ds []dates.Mention) []dates.Mention {
	var out []dates.Mention
	for _, d := range ds {
		if strings.HasPrefix(strings.ToLower(d.Text), "since") {
			continue
		}
		if d.Start <= len(sent) {
			lead := sent[max(0, d.Start-40):d.Start]
			if loc := sinceRE.FindAllStringIndex(lead, -1); len(loc) > 0 && !strings.ContainsAny(lead[loc[len(loc)-1][0]:], ",;:") {
				continue
			}
			if d.IsMonths() && electionsBeforeRE.MatchString(lead) {
				continue // "created at the council elections in May": the elections' month
			}
			if d.Day == 0 && d.End <= len(sent) && changesAfterRE.MatchString(sent[d.End:]) {
				continue // "two of the wards created at last month's boundary changes": the changes' month
			}
		}
		out = append(out, d)
	}
	return out
}

// wardMeetingClauses splits a sentence that names several ward meetings
// on its one day ("the Dormanstown ward meeting, where ..., and the
// Kirkleatham ward meeting, at which ...") into one clause per ward
// meeting, from its ward's name to the next's; nil unless two or more
// different wards are each followed by a meeting word.
func wardMeetingClauses(sent string, places []gazetteer.Mention) []string {
	var at []gazetteer.Mention
	for _, m := range places {
		if m.Kind != "ward" || !wardMeetingAfterRE.MatchString(sent[m.End:]) {
			continue
		}
		if len(at) > 0 && at[len(at)-1].WardCode == m.WardCode {
			continue
		}
		at = append(at, m)
	}
	if len(at) < 2 {
		return nil
	}
	out := make([]string, len(at))
	for i, m := range at {
		end := len(sent)
		if i+1 < len(at) {
			end = at[i+1].Start
		}
		out[i] = sent[m.Start:end]
	}
	return out
}

// inTheMonthRE: "later in the month", "earlier in the month": the month
// the story has reached, written with "the" (not "this month", which is the
// writer's own).
var inTheMonthRE = regexp.MustCompile(`(?i)^(?:later|earlier)\s+in\s+the\s+month$`)

// storyMonth reads "later in the month" (or "earlier in the month") after a
// meeting told on its day as that meeting's month, not the publication's:
// a report on January and February, dated in March, goes on "On 22 January
// he met ... Later in the month he attended meetings in Norton on the 29th":
// January's 29th. With days of their own ("on the 29th") the mention is
// dropped, so the days take the last meeting's month as any day alone does;
// else (or after a meeting told by its month only) it becomes that month.
func (r *run) storyMonth(sent string, ds []dates.Mention) []dates.Mention {
	if len(r.held) == 0 || len(ds) != 1 || ds[0].RelMonth == "" || !inTheMonthRE.MatchString(strings.TrimSpace(ds[0].Text)) {
		return ds
	}
	last := r.held[len(r.held)-1].span
	if last.Precision != dates.Day && last.Precision != dates.Month {
		return ds
	}
	if last.Precision == dates.Day && onTheDayRE.MatchString(sent) {
		return nil
	}
	d := ds[0]
	d.RelMonth, d.Month, d.Year = "", last.Start.Month(), last.Start.Year()
	return []dates.Mention{d}
}

// clauseOwnMonths gives each ward meeting's clause that states a month of
// its own, and not the sentence's day, that month: "at the Grangetown
// residents' meeting in March and again at the Eston ward meeting on 2
// April" tells a meeting in March and one on 2 April, not two on 2 April.
// clauses are wardMeetingClauses' (in order, substrings of sent), ds the
// day repeated for each, all the sentence's date mentions.
func clauseOwnMonths(sent string, clauses []string, ds, all []dates.Mention) []dates.Mention {
	out := slices.Clone(ds)
	from := 0
	for i, c := range clauses {
		k := strings.Index(sent[from:], c)
		if k < 0 {
			return ds
		}
		start, end := from+k, from+k+len(c)
		from = end
		if ds[i].Start >= start && ds[i].Start < end {
			continue // (the clause of the day itself)
		}
		var own []dates.Mention
		for _, d := range all {
			if d.Start >= start && d.End <= end {
				own = append(own, d)
			}
		}
		if len(own) == 1 && own[0].IsMonths() && own[0].Month != 0 && !own[0].IsDay() {
			out[i] = own[0]
		}
	}
	return out
}

// pairedWardDays pairs the wards of a sentence that names as many wards as
// days, every ward before the first day, with those days in order ("Coatham
// and Skelton East ward meetings were held on consecutive nights, 9 and 10
// November"; "the Kader and Ladgate ward meetings, on 3 and 10 March
// respectively"): one clause per day, naming its ward's meeting; nil when
// the sentence is not so.
func pairedWardDays(sent string, places []gazetteer.Mention, ds []dates.Mention) []string {
	noun := " ward meeting"
	if len(ds) < 2 {
		return nil
	}
	if !wardMeetingsRE.MatchString(sent) {
		m := namedMeetingsRE.FindStringSubmatch(sent)
		if m == nil || !respectivelyRE.MatchString(sent) {
			return nil
		}
		// "The Loftus and Skelton PACT meetings followed on 22 and 29
		// January respectively": meetings named for their places by a
		// kind other than "ward", paired with their days only when the
		// writer says "respectively" ("the Loftus and Skelton PACT
		// meetings on 22 and 29 January" might be both on each day).
		noun = " " + m[1] + " meeting"
	}
	var wards []gazetteer.Mention
	for _, m := range places {
		if m.Kind != "ward" {
			return nil // a town or an authority among them: which day is whose is not said
		}
		if len(wards) > 0 && wards[len(wards)-1].WardCode == m.WardCode {
			continue
		}
		wards = append(wards, m)
	}
	if len(wards) != len(ds) || wards[len(wards)-1].End > ds[0].Start {
		return nil
	}
	for _, d := range ds {
		if !d.IsDay() {
			return nil
		}
	}
	out := make([]string, len(wards))
	for i, w := range wards {
		out[i] = "the " + sent[w.Start:w.End] + noun
	}
	return out
}

// namedMeetingsRE: several meetings named together by a kind other than
// "ward" ("the Loftus and Skelton PACT meetings", "the Park End and
// Hemlington residents' meetings"): group 1 the kind.
var namedMeetingsRE = regexp.MustCompile(`(?i)\b(PACT|residents['’]?|community|neighbourhood)\s+meetings\b`)

// respectivelyRE: the word that pairs two lists in order.
var respectivelyRE = regexp.MustCompile(`(?i)\brespectively\b`)

// pairedDaysWards pairs the days a sentence lists first with the wards it
// names after them in turn ("On 9 and 10 March the Commissioner went on
// walkabouts in Kader (Middlesbrough) and then Brotton (Redcar and
// Cleveland)", "... on 3 and 5 May at Hemlington and Park End
// respectively"): one clause per day, its meeting in its ward. Only with a
// word of order ("then", "respectively", "in turn", "followed by") or a
// plural meeting noun between the days and a bare list of the wards ("On
// 29 and 30 October he held surgeries in Loftus and in Saltburn"), as many
// wards as days, each day a day, every ward after the last day; a ward's
// authority in brackets right after it is its address, not a place of its
// own. Nil otherwise ("On 9 and 10 March he met residents in Kader and
// Brotton" does not say which day was whose).
func pairedDaysWards(sent string, places []gazetteer.Mention, ds []dates.Mention) []string {
	last, ok := dayList(ds)
	if !ok {
		return nil
	}
	var wards []gazetteer.Mention
	for _, m := range places {
		if m.End <= ds[0].Start {
			continue // a run-in head before the days ("4.3 Eston and Normanby – On the 2nd and 9th ..."): not the list
		}
		if m.Start < last.End {
			return nil
		}
		if n := len(wards); n > 0 {
			if between := strings.TrimSpace(sent[wards[n-1].End:m.Start]); strings.HasPrefix(between, "(") && !strings.Contains(between, ")") {
				// "in Eston (Eston Community Centre) and Normanby (the
				// pavilion) respectively": a place inside the brackets
				// right after a ward is its venue or address, not a ward
				// of the list.
				continue
			}
		}
		if m.Kind != "ward" {
			if n := len(wards); n > 0 && m.LADCode == wards[n-1].LADCode && strings.TrimSpace(sent[wards[n-1].End:m.Start]) == "(" && strings.HasPrefix(strings.TrimSpace(sent[m.End:]), ")") {
				continue // "Kader (Middlesbrough)": the ward's address
			}
			if n := len(wards); n > 0 && m.Kind == "lad" && sameLAD(wards, m.LADCode) && addressAfterRE.MatchString(sent[wards[n-1].End:m.Start]) {
				// "the Rossmere ward residents' meeting and the Manor House
				// PACT meeting respectively, both in Hartlepool", "the
				// Seaton ward and Rural West ward meetings in Hartlepool":
				// the wards' authority, their address.
				continue
			}
			return nil
		}
		if n := len(wards); n > 0 && m.WardCode == wards[n-1].WardCode && !wardListGapRE.MatchString(sent[wards[n-1].End:m.Start]) {
			continue // "the Loftus ward community meeting at Loftus Town Hall": the meeting's venue, in its ward
		}
		wards = append(wards, m)
	}
	if len(wards) != len(ds) {
		return nil
	}
	if !inTurnRE.MatchString(sent) && !clausePerWard(sent, wards) {
		// "On 29 and 30 October the Commissioner held surgeries in Loftus
		// and in Saltburn": days, a plural meeting noun, then the wards as
		// one bare list, read in order.
		if !pluralMeetingsRE.MatchString(sent[last.End:wards[0].Start]) {
			return nil
		}
		for i := 1; i < len(wards); i++ {
			if !wardListGapRE.MatchString(sent[wards[i-1].End:wards[i].Start]) {
				return nil // "in Hemlington, Kader and Brotton" with Kader not found: not the whole list
			}
		}
	}
	noun := "meeting"
	if n := meetingNounRE.FindString(sent[last.End:wards[0].Start]); n != "" {
		noun = strings.ToLower(n)
		if k, ok := strings.CutSuffix(noun, "ies"); ok {
			noun = k + "y" // "surgeries"
		} else {
			noun = strings.TrimSuffix(noun, "s")
		}
	}
	out := make([]string, len(wards))
	for i, w := range wards {
		out[i] = noun + " in " + sent[w.Start:w.End] + " ward" // (a ward whose name is an everyday word too, "Newport", is one only so named)
	}
	return out
}

// clausePerWard reports whether each ward after the first opens a clause
// of its own that attends a meeting ("held a drop-in at the Victoria ward
// community centre, Hartlepool, and attended the Eston ward meeting"):
// one meeting per clause, which a reader pairs with the days in order.
func clausePerWard(sent string, wards []gazetteer.Mention) bool {
	if len(wards) < 2 {
		return false
	}
	for i := 1; i < len(wards); i++ {
		if !clauseAttendsRE.MatchString(sent[wards[i-1].End:wards[i].Start]) {
			return false
		}
	}
	return true
}

// clauseAttendsRE: between two wards, "and" opening a clause that attends
// another meeting ("..., and attended the", "and then went on to the").
var clauseAttendsRE = regexp.MustCompile(`(?i)\band\s+(?:then\s+|later\s+)?(?:attended|held|hosted|chaired|joined|visited|went (?:on )?to|dropped in(?:to| at)|spoke at)\b[^,;.]{0,40}$`)

// sameLAD reports whether every ward mention is in authority lad.
func sameLAD(wards []gazetteer.Mention, lad string) bool {
	for _, w := range wards {
		if w.LADCode != lad {
			return false
		}
	}
	return true
}

// addressAfterRE: what comes between a list's last ward and its
// authority named as their address ("... meeting respectively, both in",
// "... ward meetings in", ", ").
var addressAfterRE = regexp.MustCompile(`(?i)^[\w\s'’]{0,60}?(?:,\s*(?:both|all)?\s*in\s*|\s(?:both|all)?\s*in\s*|,\s*)$`)

// pairedDaysItems pairs the days a sentence lists first with the meetings
// it lists after a colon, in turn: "On 13 October and 15 October the
// Commissioner attended meetings in East Cleveland: the Loftus ward
// meeting at the Loftus Town Hall annexe, where farmers spoke about hare
// coursing, and the Skelton ward residents' meeting at the Skelton Civic
// Hall, where ..." gives each day its item (its meeting, place and what
// was raised). Only with a plural meeting noun before the colon, every
// mention a day, and as many items as days, each opening on "the" and a
// name and naming a meeting; nil otherwise.
func pairedDaysItems(sent string, ds []dates.Mention) []string {
	last, ok := dayList(ds)
	if !ok {
		return nil
	}
	c := strings.Index(sent[last.End:], ":")
	if c < 0 {
		return nil
	}
	c += last.End
	if !pluralMeetingsRE.MatchString(sent[last.End:c]) {
		return nil
	}
	list := sent[c+1:]
	starts := meetingItemRE.FindAllStringIndex(list, -1)
	if len(starts) != len(ds) {
		return nil
	}
	out := make([]string, len(starts))
	for i, st := range starts {
		end := len(list)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		item := strings.TrimSpace(list[st[0]:end])
		if !meetingNounRE.MatchString(clip(item, 80)) {
			return nil
		}
		out[i] = item
	}
	return out
}

// dayList reports whether ds lists two days or more, every one a day, and
// returns the last: the days a sentence pairs with places or meetings in
// turn.
func dayList(ds []dates.Mention) (dates.Mention, bool) {
	if len(ds) < 2 {
		return dates.Mention{}, false
	}
	for _, d := range ds {
		if !d.IsDay() {
			return dates.Mention{}, false
		}
	}
	return ds[len(ds)-1], true
}

// meetingItemRE: where an item of a list of meetings opens: the list's
// start, a semicolon, or ", and", then "the" and a capitalised name.
var meetingItemRE = regexp.MustCompile(`(?:^\s*|;\s*(?:and\s+)?|,\s*and\s+)the\s+[A-Z]`)

// wardListGapRE: what stands between two wards of a bare list ("Loftus
// and in Saltburn", "Hemlington, Brotton").
var wardListGapRE = regexp.MustCompile(`(?i)^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:(?:in|at)\s+)?$`)

// inTurnRE: a word saying places are listed in the order of the days
// before them.
var inTurnRE = regexp.MustCompile(`(?i)\b(?:and then|then|respectively|in turn|followed by)\b`)

// electionDayRE: an election and its day ("the local elections on 4
// May", "the elections held on 2 May").
var electionDayRE = regexp.MustCompile(`(?i)\belections?\s+(?:held\s+|of\s+|took place\s+)?on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?[0-9]`)

// sharedWardMeetings gives one clause per ward of a sentence naming two
// wards or more, and only wards, before "ward meetings" ("off-road
// motorcycles were the main topic at the Eston and Normanby ward
// meetings"): each ward's meeting on the sentence's one date; nil
// otherwise.
func sharedWardMeetings(sent string, places []gazetteer.Mention) []string {
	loc := wardMeetingsRE.FindStringIndex(sent)
	if loc == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range places {
		if m.End > loc[0] {
			break // (places after it are where things happened: "across Eston Hills")
		}
		if m.Kind != "ward" {
			return nil
		}
		if seen[m.WardCode] {
			continue
		}
		seen[m.WardCode] = true
		out = append(out, "the "+sent[m.Start:m.End]+" ward meeting")
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// wardMeetingsRE: meetings of several wards named together ("Coatham and
// Skelton East ward meetings").
var wardMeetingsRE = regexp.MustCompile(`(?i)\bwards?\s+(?:[\w'’-]+\s+)?(?:meetings|forums|surgeries)\b`)

// wardMeetingAfterRE: what follows a ward's name in "the Kirkleatham ward
// meeting", "Hutton ward community meeting", "the Eston residents' forum".
var wardMeetingAfterRE = regexp.MustCompile(`(?i)^\s*(?:ward\s+)?(?:[\w'’-]+\s+){0,2}(?:meeting|forum|surgery|walkabout|drop-in|pact)s?\b`)

// maskGroupOf blanks "group of" and "groups of" (a group of teenagers is
// no meeting), boards that are no meeting's ("men claiming to be from
// the water board") and the council as who acts or is told ("cleared by
// the council the next morning") keeping s's length, so offsets into it
// still hold.
func maskGroupOf(s string) string {
	return groupOfRE.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat("_", len(m)) })
}

var groupOfRE = regexp.MustCompile(`(?i)\bgroups? of\b|\b(?:water|gas|electricity|tourist|notice|exam|examination)\s+board\b|\b(?:by|to|from)\s+the\s+(?:borough\s+|local\s+|town\s+|parish\s+|city\s+)?council\b|\bthe\s+(?:borough\s+|local\s+|city\s+)?council\s+(?:has|have|had|removed|cleared|collected|fixed|repaired|sent|put|took|said|agreed|promised|will|would|is|was)\b`)

// strongMeetingRE: words that always name a meeting (a "coffee and chat"
// is a session held for residents to drop in to, as a coffee morning is,
// and so is the police's "cuppa with a copper").
var strongMeetingRE = regexp.MustCompile(`(?i)\b(?:meetings?|forums?|surger(?:y|ies)|drop-ins?|walkabouts?|safety walks?|pacts?|coffee mornings?|coffee (?:and|&) (?:a )?chats?|(?:cuppa|coffee|cake|brew) with a cop(?:per)?|clinics?)\b`)

// sameDayOffset is the days from the meeting before that sameDayRE's match
// loc in s tells: 1 for "the following evening", -1 for "the previous
// day", 7 for "a week later", -2 for "two days earlier"; 0 and false for
// the same day ("later that evening").
func sameDayOffset(s string, loc []int) (int, bool) {
	switch {
	case loc[2] >= 0:
		return 1, true
	case loc[4] >= 0:
		return -1, true
	case loc[6] >= 0:
		return daysApart(s[loc[6]:loc[7]]), true
	case loc[8] >= 0:
		return -daysApart(s[loc[8]:loc[9]]), true
	}
	return 0, false
}

// sameDayRE: a day told by the meeting before ("earlier that afternoon",
// "the same evening"; group 1 the day after it, "the following evening",
// "a day later"; group 2 the day before, "the previous day").
var sameDayRE = regexp.MustCompile(`(?i)\b(?:((?:the )?(?:following|next) (?:day|morning|afternoon|evening|night)|the day after|a day later)|((?:the )?(?:previous|preceding) (?:day|morning|afternoon|evening|night)|the (?:day|evening|night) before|a day (?:earlier|before))|((?:two|three|four|five|six|[2-6]) days later|a week later)|((?:two|three|four|five|six|[2-6]) days (?:earlier|before)|a week (?:earlier|before))|(?:earlier|later) (?:that|the same|in the) (?:day|morning|afternoon|evening)|(?:that|the same) (?:morning|afternoon|evening|day))\b`)

// bareDays are the days a sentence writes as an ordinal alone ("on the
// 30th"), as mentions of a day without a month: for nounDated, which
// looks only at where a day stands beside a meeting word. (Their month is
// the meeting told before's, in the order the text tells them.)
func bareDays(sent string) []dates.Mention {
	var out []dates.Mention
	for _, loc := range onTheDayRE.FindAllStringSubmatchIndex(sent, -1) {
		day, _ := strconv.Atoi(sent[loc[2]:loc[3]])
		out = append(out, dates.Mention{Start: loc[0], End: loc[1], Text: sent[loc[0]:loc[1]], Day: day})
	}
	return out
}

// nextMonthDay is the day-th of the month after last's, for a day told as
// an ordinal alone after a meeting of a later day ("On Saturday 31 May I
// did a street surgery ... I also popped along to the PACT meeting on the
// 3rd"): told in order across the month's end, it is the next month's,
// when that day is no later than the document's publication and within a
// fortnight of last. A longer jump ("on the 17th ... On the 4th we also
// joined") may as well be back in the same month: zero, as it is when the
// document gives no publication date.
func (r *run) nextMonthDay(last time.Time, day int) time.Time {
	first := time.Date(last.Year(), last.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	t := first.AddDate(0, 0, day-1)
	if t.Month() != first.Month() || t.After(r.a.Published) /* (also with no publication date: zero) */ || t.Sub(last) > 14*24*time.Hour {
		return time.Time{}
	}
	return t
}

// underMonthHeading reports whether block b stands under a heading that
// is a month ("MAY (new wards)", "### March 2023") and t is in that month:
// a day told as an ordinal alone out of order ("On the 16th I also went to
// a farm watch meeting", after "on the 30th") is then an earlier day of
// the month the heading gives, not of a month the text does not name.
// Without such a heading nothing is guessed (a report's "the 13th" after
// the meeting of 20 September may be August's).
func (r *run) underMonthHeading(b *segment.Block, t time.Time) bool {
	for i := b.N - 2; i >= 0; i-- {
		if !r.blocks[i].Heading {
			continue
		}
		m := monthHeadRE.FindStringSubmatch(r.blocks[i].Text)
		if m == nil {
			return false
		}
		month, err := time.Parse("January", strings.ToUpper(m[1][:1])+strings.ToLower(m[1][1:]))
		return err == nil && month.Month() == t.Month() && (m[2] == "" || m[2] == strconv.Itoa(t.Year()))
	}
	return false
}

// monthHeadRE: a heading that is a month (group 1), maybe with its year
// (group 2) and an aside in brackets ("MAY (new wards)", "March 2023").
var monthHeadRE = regexp.MustCompile(`(?i)^[\s#*_]*(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+((?:19|20)[0-9]{2}))?(?:\s*\([^)]{0,40}\))?[\s*_:]*$`)

// onTheDayRE: a day written as an ordinal alone ("held on the 13th").
var onTheDayRE = regexp.MustCompile(`(?i)\bon the ([0-9]{1,2})(?:st|nd|rd|th)\b`)

// writtenDayNear is the day of the month a sentence writes ("on the
// 30th") when it lies within three days of t, the day a relative time
// counted ("A week later, on the 30th" after a meeting on the 24th): the
// writer's "a week" is rough, the day written is exact. Otherwise t.
func writtenDayNear(sent string, t time.Time) time.Time {
	m := onTheDayRE.FindStringSubmatch(sent)
	if m == nil || len(onTheDayRE.FindAllString(sent, -1)) > 1 {
		return t
	}
	day, _ := strconv.Atoi(m[1])
	for _, k := range []int{0, -1, 1} {
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, k, 0)
		c := first.AddDate(0, 0, day-1)
		if c.Month() != first.Month() {
			continue // (no 31st in that month)
		}
		if d := c.Sub(t).Hours() / 24; d >= -3 && d <= 3 {
			return c
		}
	}
	return t
}

// officialAfterQuote reports whether the words after a quotation's close
// say an official spoke it ("...," said the Commissioner.).
func officialAfterQuote(text string) bool {
	i := max(strings.LastIndex(text, `"`), strings.LastIndex(text, "”"))
	if i < 0 {
		return false
	}
	after := text[i:]
	return saidVerbRE.MatchString(after) && officialWords.MatchString(after)
}

// daysApart is the number of days "two days later" or "a week earlier"
// says.
func daysApart(s string) int {
	f := strings.Fields(strings.ToLower(s))
	if f[0] == "a" {
		return 7
	}
	for i, w := range []string{"two", "three", "four", "five", "six"} {
		if f[0] == w {
			return i + 2
		}
	}
	n, _ := strconv.Atoi(f[0])
	return n
}

// nounDated reports whether a sentence names a meeting and a day right
// beside it ("packed into the town hall on Thursday 5 July for the Yarm
// ward community meeting", "On 12 March, the Brotton ward meeting heard
// ..."): a meeting with its day, whatever verb tells it. Right beside is
// within nearGap bytes, with no other sentence-like break between.
// relTimeBeforeRE: a relative time right before a day in brackets ("A
// week later (19 October)", "Two days earlier ("): the day restates it.
// A place before the bracket ("Skelton (11 January 2022) – a joint
// meeting") is an entry's head, not this.
var relTimeBeforeRE = regexp.MustCompile(`(?i)\b(?:later|earlier|afterwards|after that|before that|the next day|the following day|the day after|the day before)\s*$`)

func nounDated(sent string, ds []dates.Mention) bool {
	for _, d := range ds {
		if monthNamesMeeting(sent, d) {
			return true // "the Commissioner came along to our May meeting"
		}
		heldInMonth := d.IsMonths() && d.EndMonth == 0 && heldRE.MatchString(sent)
		if !(d.IsDay() || d.IsRange() || d.RelMonth != "" || d.RelWeek != "" || heldInMonth) {
			continue // a month alone is too loose for a meeting's day, unless the sentence says it was held then; "last month" is the document's own
		}
		if heldInMonth && d.Start <= 3 && meetingNounRE.MatchString(maskGroupOf(sent)) {
			return true // "During July, off-road motorcycles were the main topic at the Eston and Normanby ward meetings"
		}
		for _, n := range meetingNounRE.FindAllStringIndex(maskGroupOf(sent), -1) {
			var gap string
			switch {
			case n[1] <= d.Start:
				gap = sent[n[1]:d.Start]
				if strings.HasSuffix(strings.TrimSpace(gap), "(") && strings.HasPrefix(sent[d.End:], ")") {
					// "At the Jesmond ward meeting in Hartlepool (2 March)":
					// the day in brackets after the meeting is its day.
					gap = strings.TrimSuffix(strings.TrimSpace(gap), "(")
				} else if k := strings.LastIndex(gap, "("); k >= 0 && strings.HasPrefix(sent[d.End:], ")") && !strings.ContainsAny(gap[k+1:], "();:") && strings.HasSuffix(strings.TrimSpace(gap[k+1:]), ",") {
					// "the Roseworth PACT (Roseworth Community Centre, 10th
					// May)": its venue, then its day, in brackets.
					gap = gap[:k]
				}
			case d.End <= n[0]:
				gap = sent[d.End:n[0]]
				if before := strings.TrimRight(sent[:d.Start], " "); strings.HasPrefix(gap, ")") && strings.HasSuffix(before, "(") && relTimeBeforeRE.MatchString(strings.TrimSuffix(before, "(")) {
					// "Two days later (4 May) the Commissioner held a
					// street surgery": the day in brackets, giving the
					// relative time before it exactly, is the meeting's;
					// its closing bracket is no clause of its own.
					gap = gap[1:]
				}
			default:
				continue
			}
			// "At our street briefing on Norcliffe Road (Newport) on
			// Tuesday 5 April": a place in brackets between the meeting
			// and its day is the venue's area, not a clause of its own.
			gap = placeBracketRE.ReplaceAllString(gap, " ")
			if len(gap) <= nearGap && !strings.ContainsAny(gap, ";:()") {
				return true
			}
		}
	}
	return false
}

// placeBracketRE: a place alone in brackets ("(Newport)", "(North
// Ormesby)", "(Stockton-on-Tees)"): capitalised words, nothing else.
var placeBracketRE = regexp.MustCompile(`\s*\((?:[A-Z][\w'’&.-]*)(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’&.-]*){0,3}\)`)

// monthNamedMeetingRE: what follows a month that names a meeting, up to
// its noun ("[the September] PACT", "[our May] residents' meeting").
var monthNamedMeetingRE = regexp.MustCompile(`^\s+(?:[A-Za-z'’-]+\s+){0,2}?(?i:meetings?|forums?|surger(?:y|ies)|walkabouts?|drop-ins?|briefings?|sessions?|pacts?|agms?|coffee mornings?)\b`)

// monthNamesMeeting reports whether d is a month written as a meeting's
// name, right before its noun ("He said the December drop-in held in the
// village hall had gone well", "at the September PACT in Grangetown you
// told us about ..."): the month dates that meeting, whatever the verb,
// as "the meeting in December" would with one of holding. The dates
// package reads such a month only after a determiner (namedMonthRE).
func monthNamesMeeting(sent string, d dates.Mention) bool {
	if !d.IsMonths() || d.EndMonth != 0 || d.Year != 0 || d.End > len(sent) {
		return false
	}
	if !monthNamedMeetingRE.MatchString(sent[d.End:]) {
		return false
	}
	before := strings.ToLower(strings.TrimRight(sent[:d.Start], " "))
	for _, w := range []string{"the", "our", "their", "its", "your", "his", "her", "my"} {
		if before == w || strings.HasSuffix(before, " "+w) || strings.HasSuffix(before, "("+w) {
			return true
		}
	}
	return false
}

// ownMeetingRE: a month naming a body's own meeting, with no word between
// ("the September meeting", "our March forum", "the June PACT").
var ownMeetingRE = regexp.MustCompile(`^\s+(?i:meeting|forum|pact|committee)\b`)

// decidedAtRE: what was decided at a meeting named right after ("as
// promised at our", "agreed at the").
var decidedAtRE = regexp.MustCompile(`(?i)\b(?:promised|agreed|decided|resolved|minuted|requested)\s+(?:at|by)\s+(?:the|our|their|its|your)\s+$`)

// ownMeetingMonthsDropped drops from a sentence's dates a month naming a
// meeting (monthNamesMeeting) that is the record's body's own: in minutes
// or notes, "the notes of the September forum were agreed", "raised at the
// July meeting", "deferred to the January meeting" tell the body's earlier
// or next meeting, which its own record counts (see Limits), not one more
// meeting held with the public; a drop-in, a surgery or a named ward
// meeting ("the December drop-in held in the Parish Rooms") is another
// meeting and stays; so does one named for what it decided ("as promised at
// our September meeting"). A month whose meeting the document told on a day of
// that month ("Following the March meeting, ..." after "our public meeting
// on Thursday 7 March") is that meeting, told already.
func (r *run) ownMeetingMonthsDropped(sent string, ds []dates.Mention) []dates.Mention {
	record := r.record
	for _, m := range r.held {
		record = record || m.sticky
	}
	var out []dates.Mention
	for _, d := range ds {
		if monthNamesMeeting(sent, d) && record && ownMeetingRE.MatchString(sent[d.End:]) {
			continue
		}
		if monthNamesMeeting(sent, d) && decidedAtRE.MatchString(sent[:d.Start]) {
			continue // "as promised at our September meeting": what that meeting decided, not the meeting told
		}
		if monthNamesMeeting(sent, d) && slices.ContainsFunc(r.held, func(m *meetingCtx) bool { return m.span.Precision == dates.Day && m.span.Start.Month() == d.Month }) {
			continue // "Following the March meeting, ..." after the meeting told on Thursday 7 March: that one, told already
		}
		out = append(out, d)
	}
	return out
}

// heldRE: a sentence saying a meeting was held or what it was about, in
// the past ("During July, off-road motorcycles were the main topic at the
// Eston and Normanby ward meetings", "Throughout December the
// Commissioner held weekly drop-in sessions"), or naming it as one gone by
// ("she had said exactly this at the last meeting in January"), or
// saying what it decided: a PACT meeting that "agreed" or "set" its
// priorities met ("In March the PACT meeting at the church hall set three
// priorities: ..."; priorityVerb, after a word that is surely a meeting,
// not a council setting its own): a month then dates it.
var heldRE = regexp.MustCompile(`(?i)\b(?:was held|were held|took place|held|attended|joined|were the main|was the main|main topic|dominated|raised|heard|` + lastMeeting + `|(?:meeting|pact|forum|surgery)\b[^.;:]{0,60}?\b` + priorityVerb + `)\b`)

// agreedPriorities reports whether a list's lead-in says the meeting has
// agreed its priorities, for a time to come ("At the PACT we agreed our
// priorities for the next three months:", "Residents chose three
// priorities for the coming quarter:"): the list is what residents chose
// then, not what is to come, though the work on it is ahead. A meeting
// that will choose them ("We will set new priorities at the next PACT:")
// is still to come.
func agreedPriorities(text string) bool {
	return priorityHeadRE.MatchString(text) && !willChooseRE.MatchString(text)
}

// willChooseRE: a choice still to be made.
var willChooseRE = regexp.MustCompile(`(?i)\b(?:will|shall|is to|are to|to be|going to|due to|plans? to|hope to)\b`)

// priorityHeadRE: a clause's head that says a meeting set its priorities.
var priorityHeadRE = regexp.MustCompile(`(?i)\b` + priorityVerb + `\b`)

// priorityVerb: a meeting choosing the priorities it sets the police
// ("agreed two priorities", "set its priorities", "voted for three new
// priorities"), in the past.
const priorityVerb = `(?:agreed|set|chose|picked|voted for|decided on)\s+(?:on\s+)?(?:(?:its|their|our|your|the|two|three|four|five|new|fresh|local)\s+){0,2}priorities`

// lastMeeting: a meeting named as the one before, in its month ("the
// last meeting in January").
const lastMeeting = `(?:last|previous) meeting,? (?:in|during|back in) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*`

// lastMeetingRE: a paragraph that names the meeting before in its month.
var lastMeetingRE = regexp.MustCompile(`(?i)\b` + lastMeeting + `\b`)

// recalled reports whether the one meeting a paragraph tells is, by its
// month, the last meeting before the current one, recalled at it ("At
// the last meeting in November we told them about the bikes," she said,
// at March's): what follows is still the current meeting's.
func recalled(text string, ms []*meetingCtx, cur *meetingCtx) bool {
	return len(ms) == 1 && cur != nil && !cur.sticky && ms[0].span.Precision == dates.Month &&
		ms[0].span.End.Before(cur.span.Start) && lastMeetingRE.MatchString(text)
}

// nearGap is how far apart (bytes) a meeting word and its day may be:
// "on Monday night for the Manor House ward residents' meeting" is 42.
const nearGap = 60

// seenMeeting is the meeting of this kind already emitted with this span
// and place, or nil (a ward surgery and a community meeting on one day are
// two).
// toldAlready is the meeting already told on span sp at res's place, whatever
// it was called: for a reply's quoted message, which names the meeting
// the reply reports in its own words ("Thanks to all who came to the AGM
// on Tuesday" over "> Reminder: our annual meeting is next Tuesday, 4th
// June, in the hall"), the same meeting, not a second one.
func (r *run) toldAlready(sp dates.Span, res *gazetteer.Resolution) *meetingCtx {
	for _, m := range r.held {
		if m.span == sp && m.place.WardCode == res.WardCode && m.place.LADCode == res.LADCode {
			return m
		}
	}
	return nil
}

// inQuotedMessage reports whether block b comes after a reply's
// attribution of the message it quotes ("On 15/10/2013 19:02, Jan Orde
// wrote:"; normalise has dropped the quote marks).
func (r *run) inQuotedMessage(b *segment.Block) bool {
	for k := 0; k < b.N-1 && k < len(r.blocks); k++ {
		if quotedAttributionRE.MatchString(r.blocks[k].Text) {
			return true
		}
	}
	return false
}

// quotedAttributionRE: a reply's line over the message it quotes, with
// the time it was written.
var quotedAttributionRE = regexp.MustCompile(`(?i)^\W*On\s[^\n]{0,60}?[0-9]{1,2}[:.][0-9]{2}\b[^\n]{0,120}?\bwrote:`)

func (r *run) seenMeeting(sp dates.Span, res *gazetteer.Resolution, kind string) *meetingCtx {
	for _, m := range r.held {
		if m.span == sp && m.place.WardCode == res.WardCode && m.place.LADCode == res.LADCode && (m.ev.Meeting.Kind == kind || m.sticky) {
			// (a record's own meeting told again in its first lines:
			// "Skelton residents' meeting: notes of 14th June" over "Thanks
			// to the thirty-odd people who squeezed into the Skelton Civic
			// Hall on Wednesday night", whatever either calls it)
			return m
		}
	}
	var inLAD []*meetingCtx
	for _, m := range r.rowHeld {
		if m.span == sp && res.WardCode != "" && m.place.WardCode == res.WardCode {
			// "4.2 On 3 December the Commissioner attended the Seaton Carew
			// Community Forum" after the table's row "Wed 3 Dec | Seaton
			// Carew Community Forum | Seaton (Hartlepool)": the paragraph
			// tells the row's meeting again
			return m
		}
		if m.span == sp && sp.Precision == dates.Day && m.place.LADCode == res.LADCode {
			inLAD = append(inLAD, m)
		}
	}
	if res.WardCode == "" && len(inLAD) == 1 {
		// "4.7 At Loftus on 20 January areas of interest included ... a
		// patrol from Guisborough or Redcar": placed at the authority by
		// the towns it names, the one row of that day there
		return inLAD[0]
	}
	return nil
}

// sameDay is the one meeting already emitted on span sp, or nil (none,
// or several).
func (r *run) sameDay(sp dates.Span) *meetingCtx {
	var found *meetingCtx
	for _, m := range r.held {
		if m.span == sp {
			if found != nil && found.ev.EventID != m.ev.EventID {
				return nil
			}
			found = m
		}
	}
	return found
}

// mentionsOf returns a function giving the date mentions of text[start:end]
// (offsets relative to start), text being block b's text or a suffix of it
// (its list mark or section number cut off).
func (r *run) mentionsOf(b *segment.Block, text string) func(start, end int) []dates.Mention {
	all, base := r.datesOf(b), strings.Index(b.Text, text)
	if base < 0 {
		all, base = dates.Find(text), 0
	}
	return func(start, end int) []dates.Mention {
		var out []dates.Mention
		for _, m := range all {
			s, e := m.Start-base, m.End-base
			if s >= start && e <= end {
				m.Start, m.End = s-start, e-start
				out = append(out, m)
			}
		}
		return out
	}
}

// afterAnchor reports whether a span starts after the document was
// written (its publication date, else the end of its period).
func (r *run) afterAnchor(sp dates.Span) bool {
	for _, m := range r.held {
		if m.sticky && m.span.Precision == dates.Day && sp.Start.After(m.span.End) {
			// Minutes speak as of their meeting: "the Commissioner's
			// community meeting ... on Wednesday 21st February" in the
			// minutes of 15 January is one to come.
			return true
		}
	}
	switch {
	case !r.a.Published.IsZero():
		return sp.Start.After(r.a.Published)
	case !r.a.PeriodEnd.IsZero():
		return sp.Start.After(r.a.PeriodEnd)
	}
	return false
}

// partOf reports whether a town's name is a word or words of a ward's
// name ("Norton" of "Norton South", "Thorntree" of "Brambles &
// Thorntree").
func partOf(town, ward string) bool {
	t, w := " "+strings.ToLower(town)+" ", " "+strings.ToLower(ward)+" "
	return t != w && strings.Contains(w, t)
}

func placeName(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{" ward", " Ward"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// lastWeekNear reports whether block b or the one before it speaks of
// "last week".
func (r *run) lastWeekNear(b *segment.Block) bool {
	if thisWeekRE.MatchString(b.Text) {
		return false // "It was the second ward meeting of the week. On Monday ..."
	}
	for i := max(b.N-2, 0); i < b.N; i++ {
		for _, sent := range sentences(r.blocks[i].Text) {
			// (the commissioner's week: "spent last week in Stockton",
			// not "executed a drugs warrant in the ward last week")
			if lastWeekRE.MatchString(sent) && (strongMeetingRE.MatchString(sent) || meetVerbRE.MatchString(sent) || weekOfVisitsRE.MatchString(sent)) {
				return true
			}
		}
	}
	return false
}

var (
	thisWeekRE     = regexp.MustCompile(`(?i)\b(?:this week|of the week|earlier in the week)\b`)
	weekOfVisitsRE = regexp.MustCompile(`(?i)\b(?:spent|spend|visited|visits|toured|tour|was in|were in|travelled|met|meeting)\b`)
)

func (r *run) resolveSpan(b *segment.Block, m dates.Mention, future bool) (dates.Span, bool) {
	if m.Rel == "on" && r.lastWeekNear(b) && !future && !r.a.Published.IsZero() {
		// "spent last week in Stockton. On Monday he met ...": the Monday
		// of the week before the publication week.
		p := r.a.Published
		monday := p.AddDate(0, 0, -((int(p.Weekday())+6)%7)-7)
		t := monday.AddDate(0, 0, (int(m.Weekday)+6)%7)
		return dates.DaySpan(t), true
	}
	sp, _, err := r.a.Resolve(m, future)
	if err != nil {
		r.problem(b, "date", m.Text, err.Error())
		return dates.Span{}, false
	}
	return sp, true
}

// venueKindInRE: a venue called by its kind in a place ("at the shopping
// centre in Hartlepool town centre", "in the church hall in Thornaby").
var venueKindInRE = regexp.MustCompile(`(?i)\b(?:at|in|outside) the (?:shopping centre|shopping center|community centre|leisure centre|library|church hall|village hall|church|school|academy|park|hotel|club|pavilion|hub|precinct|market|retail park)\s+in\s+(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,3}`)

// headingVenueTown: a meeting's heading naming its venue by a name the
// gazetteer does not know ("Drop-in at Broadgate Mall - Saturday 9th")
// over a paragraph that says what and where that venue is ("We had a stall
// at the shopping centre in Stockton town centre"): the paragraph's venue
// in its place, which stands for the heading's; the heading's unknown name
// is a venue's, not a place outside Cleveland. Empty when the block is no
// heading or the paragraph under it names no venue by its kind in a place
// of the gazetteer.
func (r *run) headingVenueTown(b *segment.Block, at time.Time) string {
	if !b.Heading || b.N <= 0 || b.N >= len(r.blocks) || r.blocks[b.N].Heading {
		return ""
	}
	m := venueKindInRE.FindString(r.blocks[b.N].Text)
	if m == "" || len(r.find(m, at)) == 0 || r.outside(m, at) {
		return ""
	}
	return m
}

// meetingPlace resolves where a meeting was: a ward named in its clause,
// else the title's ward when the clause names at most a town of the same
// authority (minutes: "held at Norton Community Centre" under "NORTON SOUTH
// WARD"), else a town or authority in the clause, the sentence or (for a
// block with one meeting) the block, else the document's one authority. A
// place named but outside Cleveland ("a conference in Newcastle") stops
// the search: the meeting is reported, not guessed into Cleveland.
// townPartWardRE: a meeting named for a part of a town, without the
// town's name ("Over to Stockton for the Town Centre PACT"): group 1 the
// part.
var townPartWardRE = regexp.MustCompile(`\bthe ((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\s+(?:PACT|(?:ward|residents['’]?|community)\s+(?:meeting|forum))\b`)

// townPartWard is the ward a sentence names by a town and, after it, a
// meeting named for the town's part ("Over to Stockton for the Town
// Centre PACT": Stockton Town Centre ward), when the town and the part
// together are a ward of the town's authority; nil otherwise.
func (r *run) townPartWard(s string, town gazetteer.Mention, at time.Time) *gazetteer.Resolution {
	m := townPartWardRE.FindStringSubmatchIndex(s[town.End:])
	if m == nil {
		return nil
	}
	w, err := r.x.gaz.Resolve(placeName(town.Text)+" "+s[town.End+m[2]:town.End+m[3]], at)
	if err != nil || w.Kind != "ward" || w.LADCode != town.LADCode {
		return nil
	}
	return &w
}

// otherDaysBlanked is a block's text without its sentences that write a
// day of the month other than the meeting's: a clerk's report or an
// update listing several meetings, each in a sentence with its own day
// and place ("(1) The drop-in at the library on Saturday 3rd was busy.
// ... (2) Cllr Lee went to the Commissioner's meeting in Thornaby on the
// 9th."), does not lend one item's place to another whose own sentence
// names none; sentences without a day ("The hall was full.", "It was held
// at Eston Library.") still speak of the meeting told.
func otherDaysBlanked(text, sent string, at time.Time) string {
	var keep []string
	for _, s := range sentences(text) {
		other := false
		if strings.TrimSpace(s) != strings.TrimSpace(sent) {
			for _, d := range dates.Find(s) {
				if d.Day > 0 && (d.Day != at.Day() || (d.Month != 0 && d.Month != at.Month())) {
					other = true
				}
			}
		}
		if !other {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, " ")
}

func (r *run) meetingPlace(b *segment.Block, clause, sent string, at time.Time, single bool) *gazetteer.Resolution {
	if w := r.sameWard(clause, at); w != nil {
		return w
	}
	texts := []string{clause, sent}
	if single && !ownBodyRE.MatchString(sent) {
		// (a partnership's own group meets for the whole area: "shared
		// with the partnership's tasking group, which met on 29 June. The
		// teams for the Greater Eston area have ..." is not Eston's)
		texts = append(texts, otherDaysBlanked(b.Text, sent, at))
	}
	headVenue := r.headingVenueTown(b, at)
	if headVenue != "" {
		texts = append(texts, headVenue)
	}
	for i, s := range texts {
		if i == 2 {
			if w := r.venueWard(namedVenueRE, clause, at); w != nil {
				// "The Clerk attended the Hart PACT meeting at Hart Village
				// Hall": the ward its venue is named for, not a place the
				// rest of the item names.
				return w
			}
		}
		ms := r.find(s, at)
		for k := 0; k < len(ms); k++ {
			if teamAfterRE.MatchString(s[ms[k].End:]) || (areaTeamAfterRE.MatchString(s[ms[k].End:]) && otherPlace(s, ms, k)) {
				// "with PC Hill and PCSO Grant from the Redcar
				// neighbourhood team": whose officers came, not where
				ms = append(ms[:k:k], ms[k+1:]...)
				k--
			}
		}
		ms = negatedPlaces(s, outsideAsides(s, ms))
		if len(ms) == 0 {
			if i == 0 && (r.outside(s, at) && headVenue == "" || outsideMarked(s)) {
				// ("Residents of Great Ayton, a few miles away across the
				// North Yorkshire border, raised much the same worries at a
				// meeting with North Yorkshire Police")
				return r.outsideMeeting(b, r.outsidePlace(s, at), s)
			}
			continue
		}
		if i == 0 && r.meetingOutside(s, at) && (outsideMarked(s) || crossedRE.MatchString(s)) {
			// "... crossed the county boundary to join North Yorkshire's
			// commissioner at a rural crime meeting in Great Ayton village
			// hall, on Monday": the meeting's own place is outside, though
			// the sentence names a Cleveland ward besides
			return r.outsideMeeting(b, r.meetingOutsidePlace(s, at), s)
		}
		best := ms[0]
		for _, m := range ms {
			if m.Kind == "ward" && best.Kind != "ward" {
				best = m
			}
		}
		heldIn := false
		for _, m := range ms {
			if meetingInRE.MatchString(s[:m.Start]) && (m.Kind == "ward" || best.Kind != "ward") && !namedWard(s, ms) {
				// "Not just Yarm – Earlier this month a similar meeting in
				// neighbouring Eaglescliffe heard ...": where the meeting
				// was, not the first place the text names.
				best = m
				heldIn = true
				break
			}
		}
		if best.Kind == "ward" && !wardWordRE.MatchString(s[best.End:]) && !wardNamedMeetingRE.MatchString(s[best.End:]) {
			for _, m := range ms {
				// (a meeting named by its ward without "ward" does not
				// move one the sentence says was held in another: "The
				// Loftus meeting followed a village meeting in Brotton")
				named := !heldIn && wardNamedMeetingRE.MatchString(s[m.End:])
				if m.Kind == "ward" && m.Start != best.Start && (meetingOfWardRE.MatchString(s[:m.Start]) && wardWordRE.MatchString(s[m.End:]) || wardOwnMeetingRE.MatchString(s[m.End:]) || named) {
					// "he was in Guisborough for the first meeting of the
					// new Belmont ward": the ward whose meeting it was,
					// not the town (a ward too) it was held in.
					best = m
					break
				}
			}
		}
		if best.Kind == "lad" && i == 0 {
			if w := r.labelWard(b, at); w != nil && w.LADCode == best.LADCode && partOf(best.Text, w.WardName) {
				// "Southfield East residents' meeting. Last night we
				// met at the Southfield Methodist Hall": the ward the
				// paragraph's label names the meeting for, not the town
				// its venue is named after (part of that ward's name).
				return w
			}
		}
		if best.Kind != "ward" {
			if w := r.townPartWard(s, best, at); w != nil {
				return w
			}
		}
		if best.Kind == "lad" {
			if w := r.bracketedWard(s, best, at); w != nil {
				return w
			}
			if w := r.venueWard(namedVenueRE, s, at); w != nil && w.LADCode == best.LADCode {
				// "Women's safety listening event, Newport Hub,
				// Middlesbrough": at a venue named for a ward of the
				// authority the line names
				return w
			}
			if w := r.partWard(s, best.LADCode, at); w != nil && (r.titlePlace == nil || r.titlePlace.WardCode != w.WardCode) {
				// "the Hardwick PACT, Stockton": named for part of a
				// ward of the authority the line names (a record
				// titled by that ward keeps its title's reading below)
				return w
			}
		}
		if lad := r.jointWards(s, ms, at); lad != nil {
			return lad
		}
		if lad := r.severalPlaces(s, ms, at); i == 0 && lad != nil {
			if w := r.venueWard(venueWardRE, s, at); w != nil && w.LADCode == lad.LADCode {
				// "held a joint surgery at Loftus Town Hall ..., so that
				// people in Loftus, Carlin How, Skinningrove and Easington
				// could raise ...": held in the ward its hall is named for.
				return w
			}
			return lad
		}
		if best.Kind != "ward" && severalWardsRE.MatchString(s) {
			// "the Marton Residents' Association, which covers both
			// Marton wards": the town's body, no one ward's, though the
			// page is one of them.
			res := best.Resolution
			return &res
		}
		record := minutesLeadRE.MatchString(sent) || minutesRE.MatchString(sent) || (r.record && dateLabelRE.MatchString(sent))
		// A record's own line names where it met, not whose meeting it
		// was: "Minutes of the meeting held ... at Sunnyfield House,
		// Guisborough" under "HUTTON WARD POLICE AND COMMUNITY MEETING" is
		// Hutton's, though Guisborough is a ward too (unless the line says
		// "Guisborough ward").
		venueWard := record && best.Kind == "ward" && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(s[best.End:])), "ward")
		if (best.Kind != "ward" || venueWard) && r.titlePlace != nil && r.titlePlace.LADCode == best.LADCode && (record || partOf(best.Text, r.titlePlace.WardName) && !titleOtherPart(best.Text, r.titlePlace) || inPassing(i, r.titlePlace)) {
			// (minutes' or notes' own date line naming the town of their
			// venue, "Notes · 19 January 2016 · Thornaby Pavilion", under
			// "Stainsby Hill PACT meeting": the record is the title's)
			// "held at Norton Community Centre" under "NORTON SOUTH WARD
			// COMMUNITY MEETING": the town the title's ward is part of.
			t := *r.titlePlace
			return &t
		}
		res := best.Resolution
		return &res
	}
	if r.committeeSitting {
		// "Minutes of the meeting held on 9th February 2023", "The
		// Partnership Manager presented the quarter's figures" in a
		// council committee's minutes: naming no place of its own, the
		// meeting is the committee's (or a report to it), not one where
		// residents spoke; the meetings with the public its items tell
		// name where they were ("the PACT meeting in the Seaton ward").
		r.problem(b, "event", hint(clause), "a council committee's own sitting or business, no meeting with the public: not emitted")
		return nil
	}
	if len(r.secPlaces) == 1 && r.secPlaces[0].Kind == "ward" && (theWardRE.MatchString(clause) || b.Cells != nil) {
		// "At the ward meeting on Tuesday 6th February you told us ..."
		// under the heading "Fens and Rossmere", or a table's row "PACT
		// meeting, Thursday 11 July, church hall" under "Ingleby Barwick
		// North": the section's ward. (Not any paragraph's meeting: a
		// PDF's next heading may have run into its paragraph, "Teesside
		// International Airport On 1 September the Commissioner visited
		// ...", and the ward above is then no longer its section's.)
		w := r.secPlaces[0]
		return &w
	}
	if r.cardLine && r.cardPlace != nil {
		// "Loftus" over "Street briefing, Market Place, Wednesday 14
		// October" (then "You said" and "We did"): a card headed by its
		// place, its first line the meeting's kind, venue and day, names
		// no place of its own; the meeting is the heading's place's.
		w := *r.cardPlace
		return &w
	}
	if r.titlePlace != nil && ownBodyRE.MatchString(sent) && r.titlePlace.Kind == "ward" {
		if res, err := r.x.gaz.Resolve(r.titlePlace.LADName, at); err == nil && res.Kind == "lad" {
			return &res // (the partnership's group meets for the authority)
		}
	}
	if r.titlePlace != nil {
		t := *r.titlePlace
		return &t
	}
	if w := r.partWard(clause, "", at); w != nil {
		return w // "Minutes of the meeting held ..., Hardwick Community Hall"
	}
	if res := r.venueTown(clause, at, false); res != nil {
		return res // "held a surgery at Redcar Library"
	}
	if res := r.documentLAD(); res != nil {
		return res
	}
	if res := r.venueTown(clause, at, true); res != nil {
		return res // "our street surgery outside Ormesby Library", nothing else placing it
	}
	if r.secLAD != nil && (b.Bullet || b.Section || b.Cells != nil) {
		// "Town centre – coffee morning at Wellington Square, 9 May"
		// under "3. Stockton-on-Tees" in a report grouping its meetings
		// by authority: an entry naming no place the gazetteer knows is
		// in its heading's authority (not its ward: the venue may be in
		// any of them).
		res := *r.secLAD
		return &res
	}
	if res := r.hostCouncil(clause, at); res != nil {
		return res // "a public meeting held by Hartlepool Borough Council at the Civic Centre"
	}
	r.problem(b, "place", hint(clause), "no ward, town or local authority of the Cleveland area is named in the paragraph or the document")
	return nil
}

// hostCouncil is the authority whose council held the meeting a clause
// tells, when nothing else places it ("the public meeting held by Redcar
// and Cleveland Council at the leisure centre", "a consultation evening
// hosted by Stockton Borough Council"): the gazetteer reads "X Council"
// as the body, not a place, but a council holds its public meetings in
// its own area. Not a town, parish or community council ("held by
// Guisborough Town Council": no authority), nor a council of outside
// Cleveland.
func (r *run) hostCouncil(clause string, at time.Time) *gazetteer.Resolution {
	m := hostCouncilRE.FindStringSubmatch(clause)
	if m == nil {
		return nil
	}
	res, err := r.x.gaz.Resolve(strings.TrimSpace(m[1]), at)
	if err != nil || res.Kind != "lad" {
		return nil
	}
	return &res
}

// hostCouncilRE: a meeting's host council ("held by Middlesbrough
// Council"): group 1 the name before "(Borough) Council".
var hostCouncilRE = regexp.MustCompile(`\b(?:held|hosted|organised|organized|run|called|arranged|convened|put on)\s+by\s+(?:the\s+)?((?:[A-Z][\w'’-]*|and|&)(?:\s+(?:[A-Z][\w'’-]*|and|&)){0,3}?)\s+(?:Borough\s+)?Council\b`)

// titleOtherPart reports whether the title names its ward by another part
// of the ward's name than the town a meeting is placed in: "WOLVISTON
// PARISH COUNCIL" (Wolviston in the ward Billingham West & Wolviston)
// telling of "the police surgery at Billingham library". The town is
// part of the title's ward's name but spans several wards; the meeting
// went to the town, it is not the village's, so it keeps the town's place
// (its authority). A title naming the town itself ("NORTON SOUTH WARD"
// over "held at Norton Community Centre") is still the title's ward.
func titleOtherPart(town string, title *gazetteer.Resolution) bool {
	name := strings.TrimSpace(title.Text)
	return name != "" && !strings.Contains(" "+strings.ToLower(name)+" ", " "+strings.ToLower(town)+" ")
}

// inPassing reports whether a town or area meetingPlace found only in the
// rest of the meeting's paragraph (texts[i] with i == 2: not its clause
// or sentence) was named in passing, in a document that is one ward's: a
// tenants' newsletter's "the PCSOs held a drop-in at the church hall on
// the 15th. Mostly the off-road bikes, up the old railway line and on to
// the Eston Hills" tells where the bikes go, not where the drop-in was,
// which is the ward the document is about.
func inPassing(i int, title *gazetteer.Resolution) bool {
	return i == 2 && title.Kind == "ward"
}

// heldAtRE: where a meeting named just before was held ("... held at the
// Pallister Park Community Hub", ", at the library").
var heldAtRE = regexp.MustCompile(`^\s*,?\s*(?:(?:which\s+)?was\s+)?(?:held\s+)?(?:at|in)\s`)

// namedWard reports whether one of the places is written as a ward
// ("the Belmont ward community forum in Guisborough"), or is a ward whose
// name the meeting held at a venue bears ("the Ayresome residents meeting
// held at the Pallister Park Community Hub": Ayresome's, wherever its
// venue).
func namedWard(s string, ms []gazetteer.Mention) bool {
	for _, m := range ms {
		if m.Kind == "ward" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(s[m.End:])), "ward") {
			return true
		}
		if loc := jointMeetingRE.FindStringIndex(s[m.End:]); m.Kind == "ward" && loc != nil && heldAtRE.MatchString(s[m.End+loc[1]:]) {
			return true // (not "The Loftus meeting followed a village meeting in Brotton on Thursday": that one is Brotton's)
		}
	}
	return false
}

// meetingOfWardRE ends where a meeting is said to be a ward's own ("the
// first meeting of the new ... ward", "a surgery for the ... ward"), or
// held in a ward named as one: "In Northtown, he joined officers for a
// street briefing in the new Eastbrook ward" is Eastbrook's, not the
// town's (a ward too) the sentence opened on; the ward word must follow
// the name (its caller checks), so "a briefing in Northtown" is no ward's
// own.
var meetingOfWardRE = regexp.MustCompile(`(?i)\b(?:(?:meeting|forum|surgery|pact)s?\s+(?:of|for)|(?:meeting|forum|surgery|pact|briefing|walkabout|drop-in)s?\s+(?:held\s+)?in)\s+(?:the\s+)?(?:(?:new|newly[- ]drawn|whole)\s+)?$`)

// wardOwnMeetingRE: the words after a ward's name that make the meeting
// its own ("in Northtown, attending the Eastbrook ward residents' meeting
// at the library"): "ward" and then, within two words, the meeting word.
// Such a meeting is that ward's, not the town's (a ward too) the sentence
// put the writer in; "people from the Eastbrook ward told him" is none.
var wardOwnMeetingRE = regexp.MustCompile(`(?i)^\s+ward(?:'s|’s)?\s+(?:[\w'’-]+\s+){0,2}?(?:meeting|forum|surgery|pact|panel|drop-in)\b`)

// labelRE: a paragraph's run-in label, its first words up to a full stop
// or colon ("Southfield East residents' meeting. Last night ...").
var labelRE = regexp.MustCompile(`^\W*([^.:!?]{3,60}?)\s*[.:]\s+\S`)

// labelWard is the ward a paragraph's run-in label names as a meeting's
// ("Southfield East residents' meeting.", "Southfield East ward meeting:"):
// the label only a ward's name and a meeting's (wardNamedMeetingRE,
// wardOwnMeetingRE), nothing else. Nil otherwise.
func (r *run) labelWard(b *segment.Block, at time.Time) *gazetteer.Resolution {
	lm := labelRE.FindStringSubmatch(b.Text)
	if lm == nil {
		return nil
	}
	label := lm[1]
	ms := r.find(label, at)
	if len(ms) != 1 || ms[0].Kind != "ward" || strings.TrimSpace(label[:ms[0].Start]) != "" {
		return nil
	}
	rest := label[ms[0].End:]
	for _, re := range []*regexp.Regexp{wardNamedMeetingRE, wardOwnMeetingRE} {
		if loc := re.FindStringIndex(rest); loc != nil && strings.TrimSpace(rest[loc[1]:]) == "" {
			w := ms[0].Resolution
			return &w
		}
	}
	return nil
}

// wardNamedMeetingRE: a meeting named by its ward's name with no "ward"
// between ("on the 6th he dropped in to the Southfield residents'
// surgery"): the name and then the meeting word, with at most two of the
// words that name such a meeting's kind between ("residents'",
// "community", "PACT"). Such a meeting is that ward's, not the ward's the
// sentence names in passing ("his second visit to Greater Northtown this
// month; on the 6th he dropped in to the Southfield residents' surgery").
// Any other word between ("the Southfield Residents' Association hall",
// "the Southfield shops where the meeting was") makes it no meeting's
// name.
var wardNamedMeetingRE = regexp.MustCompile(`(?i)^\s+(?:(?:residents?['’]?|community|neighbourhood|police|pact)\s+){0,2}(?:meeting|forum|surgery|pact meeting|panel|drop-in)s?\b`)

// policeOfRE: the words after a place that make it a police station's or
// team's name ("the front counter at Guisborough police station"): which
// station, not where the concern is.
var policeOfRE = regexp.MustCompile(`(?i)^\s+police\s+(?:station|office|counter|front desk|team|base)\b`)

// crossedRE: a sentence saying its meeting was over the force's boundary.
var crossedRE = regexp.MustCompile(`(?i)\bcross(?:ed|ing)? (?:the )?(?:county |force )?(?:boundary|border)\b|\bover the (?:county |force )?(?:boundary|border)\b`)

// meetingOutside reports whether the place a meeting noun governs ("a
// rural crime meeting in Great Ayton village hall") is no place the
// gazetteer knows.
//
// The place may come first, the meeting after it as what was held there
// ("joined farmers in Kildale for their rural watch meeting with the
// county's police", placeForMeetingRE): the meeting is that place's all
// the same.
func (r *run) meetingOutside(s string, at time.Time) bool { return r.meetingOutsidePlace(s, at) != "" }

// meetingOutsidePlace is the place outside Cleveland that meetingOutside
// finds a meeting held in; "" if none.
func (r *run) meetingOutsidePlace(s string, at time.Time) string {
	locs := meetingAtPlaceRE.FindAllStringSubmatchIndex(s, -1)
	locs = append(locs, placeForMeetingRE.FindAllStringSubmatchIndex(s, -1)...)
	for _, loc := range locs {
		name := s[loc[2]:loc[3]]
		if len(r.find(name, at)) == 0 && !streetName(name) && r.outside("in "+name, at) {
			return name
		}
		if m := outsideAppositiveRE.FindString(s[loc[3]:]); m != "" && outsideMarked(m) {
			// "a farm watch meeting in Kirklevington, just over the
			// border in North Yorkshire": the writer says where the
			// place is, whatever the gazetteer has it as.
			return name
		}
	}
	for _, loc := range meetingAtVillageVenueRE.FindAllStringSubmatchIndex(s, -1) {
		// "held a rural crime surgery at Kirklevington village hall": the
		// place a venue is named for, the gazetteer's no place, is where
		// the meeting was (a venue's own name, "at Preston Hall", is
		// not: its kind is written in lower case after a place's name).
		name := s[loc[2]:loc[3]]
		if len(r.find(name, at)) == 0 && !streetName(name) && r.outside("in "+name, at) {
			return name
		}
	}
	return ""
}

// meetingAtVillageVenueRE: a meeting noun, "at" and a capitalised name
// (group 1) followed by a lower-case kind of venue ("a surgery at
// Kirklevington village hall", "a drop-in at Picton community centre").
var meetingAtVillageVenueRE = regexp.MustCompile(`(?i:\b(?:meetings?|forums?|surger(?:y|ies)|drop-ins?|clinics?|briefings?|walkabouts?|events?)\s+(?:held\s+)?at\s+)((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:village hall|parish hall|memorial hall|community centre|church hall|institute|reading room)\b`)

// tellsMeetingOutside reports whether a paragraph tells a meeting held
// outside Cleveland (meetingOutside: a meeting word, "in" and the
// place), by a sentence of its own that says so (outsideMarked: "over the
// border", "North Yorkshire").
func (r *run) tellsMeetingOutside(b *segment.Block, text string) bool {
	at := r.anchorDay()
	for _, sent := range sentences(text) {
		if r.meetingOutside(sent, at) && outsideMarked(sent) {
			// (said to be over the border: "Residents at the meeting in
			// Belle Vue Community Centre also complained ..." names an
			// estate the gazetteer does not know, and goes on with the
			// meeting told before)
			return true
		}
	}
	return false
}

// outsideAppositiveRE: the words set off right after a place that say
// where it lies (", just over the border in North Yorkshire", ", across
// the county boundary"): up to the next comma or the sentence's end.
var outsideAppositiveRE = regexp.MustCompile(`^,\s+(?:just\s+|a few miles\s+|a mile\s+)?(?:over|across|beyond|in|on the other side of)\b[^,.;]{0,60}`)

// meetingAtPlaceRE: a meeting noun, then "in" and a capitalised name
// (group 1).
// placeForMeetingRE: a place named before the meeting held there ("in
// Kildale for their rural watch meeting"); group 1 the place.
var placeForMeetingRE = regexp.MustCompile(`(?i:\bin\s+)((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})(?i:\s+for\s+(?:their|its|a|an|the|his|her|our)\s+(?:[\w'’-]+\s+){0,3}?(?:meetings?|forums?|surger(?:y|ies)|pacts?|evening|event)\b)`)

// A street briefing, surgery, drop-in or walkabout "held in" a place is a
// meeting of that place as much ("a similar street briefing held in
// Seaham, County Durham, last month": Seaham's, not the Cleveland town
// the sentence names after it for where the idea might be tried next).
var meetingAtPlaceRE = regexp.MustCompile(`(?i:\b(?:meetings?|forums?|evening|event|(?:(?:street|community|residents['’]?)\s+)?briefings?\s+held|surger(?:y|ies)\s+held|drop-ins?\s+held|walkabouts?\s+held)\s+(?:held\s+)?in\s+)((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})`)

// sameWardRE: a meeting placed by reference to the ward of the one told
// before ("a surgery held by the PCSOs in the same ward a fortnight
// earlier", "a walkabout on the same estate").
var sameWardRE = regexp.MustCompile(`(?i)\b(?:in|on|for|at|of)\s+the\s+same\s+(?:ward|estate|neighbourhood)\b`)

// sameWard is the ward of the meeting told last, for a clause that names
// no place of its own and puts its meeting "in the same ward" ("This comes
// after a street surgery held in the same ward in May, where ..."): the
// ward named before, not the document's authority. Nil otherwise, or
// when the meeting told last was placed no closer than its authority.
func (r *run) sameWard(clause string, at time.Time) *gazetteer.Resolution {
	if !sameWardRE.MatchString(clause) || len(r.held) == 0 || len(r.find(clause, at)) > 0 {
		return nil
	}
	p := r.held[len(r.held)-1].place
	if p == nil || p.Kind != "ward" {
		return nil
	}
	for _, m := range r.find(p.WardName+" ward", at) {
		if m.Kind == "ward" && m.LADCode == p.LADCode {
			res := m.Resolution
			return &res // (the ward in force at this meeting's date)
		}
	}
	return nil
}

// meetingInRE: the words before a place that make it where a meeting was
// ("a similar meeting in neighbouring Eaglescliffe", "the surgery held at
// Thornaby"), and a few words of the way there or of who held it between
// "held" and the place ("a similar meeting held just up the road in
// Yarm", "a drop-in held by the local team at Thornaby"): still where it
// was held, not a place the sentence named first ("The Hartburn meeting
// follows ..."); other words ("held and residents spoke of speeding in
// Yarm") do not make the place the meeting's.
var meetingInRE = regexp.MustCompile(`(?i)\b(?:meetings?|forums?|surger(?:y|ies)|pacts?|drop-ins?|briefings?|walkabouts?)\s+(?:(?:was|were)\s+)?(?:held\s+(?:(?:just|over|across|up|down|along|by|with|the|a|its|their|our|local|neighbourhood|team|road|border|river|way|street|county|boundary|police|officers|councillors|ward)\s+){0,5}?)?(?:in|at)\s+(?:neighbouring\s+|nearby\s+|the\s+)?$`)

// publicSayRE: a news item's opening telling what the public say
// ("Residents in Grangetown say they feel like prisoners in their own
// homes because of gangs of youths on scrambler bikes").
var publicSayRE = regexp.MustCompile(`(?i)^\W*(?:residents|people|villagers|tenants|parents|families|shopkeepers|traders)\b[^.]{0,40}\b(?:say|said|claim|claimed|complain|described|describe)\b`)

// teamAfterRE: the words after a place that make it a police team's name.
// A team named for the part of a town it covers needs no "neighbourhood"
// ("officers from the Stockton North team set up a stall on the green"):
// a quarter's name before "team" is the team's, not where it met people.
var teamAfterRE = regexp.MustCompile(`(?i)^\s+(?:(?:north|south|east|west|central)\s+)?(?:neighbourhood\s+(?:policing\s+)?team|npt|policing team|neighbourhood (?:officers|inspector|sergeant|pcsos?|police))\b|^\s+(?:north|south|east|west|central)\s+(?:police\s+)?team\b`)

// otherPlace reports whether the sentence names a place besides ms[k]
// and the town whose possessive runs into it ("Middlesbrough's North
// Ormesby team").
func otherPlace(s string, ms []gazetteer.Mention, k int) bool {
	for j, m := range ms {
		if j != k && !(m.End <= ms[k].Start && possRunInRE.MatchString(s[m.End:ms[k].Start])) {
			return true
		}
	}
	return false
}

var possRunInRE = regexp.MustCompile(`^['’]s\s+$`)

// areaTeamAfterRE: an area's team by what it did ("officers from the East
// Cleveland team met residents at the Skelton West PACT"): the team's, not
// where it met people, when the sentence names another place; alone, the
// team's area is where it met them ("from the North Ormesby team met
// residents at the Pavilion").
var areaTeamAfterRE = regexp.MustCompile(`(?i)^\s+(?:police\s+)?team(?:\s+(?:met|meet|meets|held|hold|holds|set|sets|put|puts|were|was|has|have|had|officers|members|who|attended|visited|joined|spoke|listened|heard)\b|\s*[.,;])`)

// ownBodyRE: a partnership's or the council's own group, which meets for
// its whole area.
var ownBodyRE = regexp.MustCompile(`(?i)\b(?:the partnership(?:'s|’s)? (?:tasking|steering|strategy|executive) (?:group|board)|tasking group|partnership board|steering group|strategy group)\b`)

// weDidHeadRE: a heading that is the label of what the police or the
// council did ("We did", "What we did").
var weDidHeadRE = regexp.MustCompile(`(?i)^\W*(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?(?:we did|what we did|what we have done|we have done|what has been done|what has happened since|our response|actions? taken|outcomes)\W*$`)

// youSaidRE: the label of what residents said on a "you said, we did"
// page.
var youSaidRE = regexp.MustCompile(`(?i)^\W*you (?:said|told us|raised)\s*:\s*`)

// otherTimeRE: a paragraph that opens on another time than the meeting
// told before it ("Last week he was in Ingleby Barwick, where ..."): the
// meeting's story has ended.
// ("In Norton, meanwhile, residents have been telling the council all
// summer ...": another story told beside the meeting's; so is one opening
// "Separately, over the summer the farmers of the ward have written in
// about ...": the writer says it is not the meeting's.) A writer's aside
// before the time ("To be fair, last year it was the parking that came up
// every time", "Mind you, last summer ...") does not change it: the
// paragraph is of that other time, not the meeting's.
var otherTimeRE = regexp.MustCompile(`(?i)^\W*(?:(?:to be fair|in fairness|to be honest|mind you|of course|admittedly|then again|that said|having said that|in fact|as it happens),?\s+)?(?:(?:last|next|earlier this|later this|earlier in the|the previous|the week before|a week earlier)\s+(?:week|month|year|weekend|summer|spring|autumn|winter)\b|(?:in|at|over in)\s+[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3},?\s+meanwhile\b|meanwhile\b|separately\b|in a separate (?:matter|development)\b)`)

// otherTimeSentence returns where a sentence after the paragraph's first
// opens on another time (otherTimeRE: "Earlier this month ...", "Last
// week ..."), or 0 when none does.
func otherTimeSentence(text string) int {
	sents := sentences(text)
	off := 0
	for i, s := range sents {
		if k := strings.Index(text[off:], s); k >= 0 {
			off += k
		}
		if i > 0 && otherTimeRE.MatchString(s) {
			return off
		}
		off += len(s)
	}
	return 0
}

// severalWardsRE: a body said to cover more than one ward ("covers both
// Marton wards", "for all three wards", "the Billingham community forum
// ..., which covers the whole town", "town-wide").
var severalWardsRE = regexp.MustCompile(`(?i)\b(?:both|all|several|two|three|four)\s+(?:of\s+the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)?wards\b|\b(?:covers|covering|serves|serving)\s+the\s+whole\s+(?:of\s+the\s+)?town\b|\btown-wide\b`)

// theWardRE: a meeting of "the ward" its section is about ("At the ward
// meeting on Tuesday 6th February").
var theWardRE = regexp.MustCompile(`(?i)\bthe ward(?:'s|’s)?\s`)

// venueTown is the town or authority a venue is named after ("Redcar
// Library", "Hartlepool Civic Centre"; the gazetteer's text search leaves
// names before such words alone, as it does streets), or nil. A ward's
// name is taken only when wards is true, as a last resort: a venue named
// after a ward need not be in it.
func (r *run) venueTown(text string, at time.Time, wards bool) *gazetteer.Resolution {
	for _, m := range venueRE.FindAllStringSubmatch(text, -1) {
		ws := strings.Fields(m[1])
		for k := len(ws); k >= 1; k-- {
			res, err := r.x.gaz.Resolve(strings.Join(ws[:k], " "), at)
			if err == nil && (wards || res.Kind != "ward") {
				return &res
			}
		}
	}
	return nil
}

var venueRE = regexp.MustCompile(`\b((?:[A-Z][\w'’-]+\s+){1,3})(?:Central\s+)?(?i:library|town hall|civic centre|civic hall|community centre|leisure centre|hub|methodist church|parish church|church hall|village hall)\b`)

// outside reports whether text names a capitalised place ("in Newcastle",
// "at Darlington") that the gazetteer does not know: somewhere outside
// Cleveland, or at least not somewhere to count in it.
// monthsOnly reports whether a name is months joined by "and" or "&"
// ("October and November").
func monthsOnly(name string) bool {
	f := strings.Fields(name)
	for i, w := range f {
		if (i%2 == 1 && w != "and" && w != "&") || (i%2 == 0 && !loneMonthRE.MatchString(w)) {
			return false
		}
	}
	return len(f) >= 3
}

// officeContactRE: the public's contacts to the PCC's office, not said at
// a meeting ("the office received a number of calls from residents",
// "residents contacted the Office").
var officeContactRE = regexp.MustCompile(`(?i)\b(?:office|opcc)\s+(?:has\s+|had\s+|also\s+)?(?:received|took|logged|dealt with)\b|\b(?:contacted|wrote to|written to|e-?mailed|phoned|rang|telephoned)\s+(?:the\s+|my\s+|our\s+)?(?:commissioner's\s+)?(?:office|opcc)\b`)

// officeContact reports whether a paragraph tells the public's contacts to
// the office, with no meeting or day of its own.
func (r *run) officeContact(b *segment.Block, text string) bool {
	return officeContactRE.MatchString(text) && !strongMeetingRE.MatchString(text) && len(dates.Days(r.datesOf(b))) == 0
}

// captionRE: a photograph's caption, its credit at the end ("Picture by
// Frank Reid", "Photo: Cleveland OPCC").
var captionRE = regexp.MustCompile(`(?i)\b(?:picture|photo|photograph|image)(?: by| credit:?| courtesy of|:)\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\.?\s*$`)

// venueNameRE: a name that ends in a kind of building ("Emmanuel Church
// Hall", "Rosedale Community Centre").
var venueNameRE = regexp.MustCompile(`(?i)\b(?:hall|centre|center|church|chapel|library|school|academy|hub|club|institute|pavilion|rooms)$`)

func (r *run) outside(text string, at time.Time) bool { return r.outsidePlace(text, at) != "" }

// outsidePlace is the first place text names that the gazetteer does not
// know and that is no venue, street, month or title (see outside); "" if
// none.
func (r *run) outsidePlace(text string, at time.Time) string {
	for _, m := range placeHintRE.FindAllStringSubmatch(text, -1) {
		name := strings.TrimSuffix(strings.TrimSuffix(m[1], " and"), " &") // "in Wellington Square and the High Street"
		if _, err := r.x.gaz.Resolve(name, at); err == nil || streetName(name) {
			continue
		}
		switch strings.Fields(name)[0] {
		case "The", "Police", "Commissioner", "Mr", "Mrs", "Ms", "Cllr", "Councillor", "PCC", "St", "Saint":
			continue // a title or a venue, not a place
		}
		if meetingNounRE.MatchString(name) || strings.ContainsAny(name, "0123456789") {
			continue
		}
		if loneMonthRE.MatchString(name) || monthsOnly(name) {
			continue // "on the estate in August", "in October and November": months, not a place
		}
		if f := strings.Fields(name); len(f) > 1 && loneMonthRE.MatchString(f[0]) {
			continue // "Back in January Dave did a walkabout": a month, then who did it, not a place
		}
		if len(name) <= 5 && strings.ToUpper(name) == name {
			continue // "calls from HMRC": an organisation's initials
		}
		if r.venueTown(name, at, true) != nil {
			continue // "Redcar Library", "Hartlepool Civic Centre": a venue in a known place
		}
		if rest := text[strings.Index(text, m[0])+len(m[0]):]; venueAfterRE.MatchString(rest) {
			continue // "at Middleton Grange shopping centre": a venue, wherever it is
		}
		if venueNameRE.MatchString(name) {
			continue // "at Emmanuel Church Hall": a venue by its name, wherever it is
		}
		return name
	}
	return ""
}

// venueAfterRE: lower-case words that make the capitalised name before
// them a venue's ("Middleton Grange shopping centre").
var venueAfterRE = regexp.MustCompile(`^\s+(?:shopping centre|shopping center|community centre|centre|library|hall|church|school|academy|park|house|hotel|club|pavilion|hub|precinct|estate)\b`)

func hint(s string) string {
	if m := placeHintRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return clip(s, 80)
}

// outsideMeeting is the place of a meeting held outside the Cleveland
// force area, at the place named: no ward or authority code, the name as
// its place, so that a Cleveland document's meeting across the border (the
// Commissioner at a rural crime meeting in Great Ayton) is emitted and
// counted in no ward or authority of Cleveland. A document that names no
// Cleveland place at all is another force area's page: its meetings are
// reported, not emitted.
//
// Only a public meeting is: residents, farmers or a village meeting the
// police across the border (outsidePublicRE), not a conference or the
// commissioners' regional meeting (outsideOfficialRE), which the public
// does not attend; and only one whose place is a place's name
// (outsideNameRE), not a weekday ("Wednesday's"), a force or a clipped
// sentence.
func (r *run) outsideMeeting(b *segment.Block, name, sent string) *gazetteer.Resolution {
	why := ""
	switch {
	case !r.namesCleveland():
		why = "in a document that names no Cleveland place"
	case !outsideNameRE.MatchString(name) || outsideNotPlaceRE.MatchString(name):
		why = "its place is not a place's name"
	case !outsideMarked(sent) && !acrossBorderRE.MatchString(name):
		// (an unknown name alone may be a Cleveland venue or estate the
		// gazetteer does not hold: "Drop-in at Broadgate Mall")
		why = "nothing says where " + name + " is"
	case !outsidePublicRE.MatchString(sent) || outsideOfficialRE.MatchString(sent):
		why = "not a public meeting"
	}
	if why != "" {
		r.problem(b, "place", hint(sent), "outside the Cleveland force area, "+why+": not emitted")
		return nil
	}
	return &gazetteer.Resolution{Kind: kindOutside, Text: name}
}

// heldOutside is the meeting of ms held outside Cleveland (emitted with no
// code, outsideMeeting) whose place s names; nil if none.
func heldOutside(s string, ms []*meetingCtx) *meetingCtx {
	for _, m := range ms {
		if m.place != nil && m.place.Kind == kindOutside && m.name != "" && strings.Contains(s, m.name) {
			return m
		}
	}
	return nil
}

// acrossBorderRE: towns and villages just across Cleveland's boundary, in
// North Yorkshire and County Durham, that Cleveland's documents name
// without saying where they are ("a rural crime meeting in Great Ayton").
var acrossBorderRE = regexp.MustCompile(`^(?:Great Ayton|Stokesley|Whitby|Northallerton|Thirsk|Kirklevington|Hutton Rudby|Castleton|Danby|Staithes|Hinderwell|Kildale|Osmotherley|Swainby|Picton|Crathorne|Great Broughton|Ingleby Greenhow|Lealholm|Glaisdale|Egton|Sleights|Sandsend|Runswick Bay|Goathland|Scarborough|Harrogate|Richmond|Peterlee|Sedgefield|Seaham|Consett|Wingate|Blackhall(?: Colliery)?|Newton Aycliffe|Barnard Castle|Middleton St George|Middleton-in-Teesdale|Bishop Auckland|Spennymoor|Chester-le-Street|Shildon|Trimdon|Hurworth|Darlington|Durham)$`)

// outsideNameRE: a place's name, up to four capitalised words.
// outsideNotPlaceRE: capitalised words that are no place: a day, a
// month, a force or body, a document's part.
// outsidePublicRE: a meeting the public attends.
// outsideOfficialRE: a meeting of officials, a conference or a national
// or regional body's meeting.
var (
	outsideNameRE     = regexp.MustCompile(`^[A-Z][\w'’-]*(?:[ -](?:[A-Z][\w'’-]*|in|on|upon|le|under))*(?: [A-Z][\w'’-]*)?$`)
	outsideNotPlaceRE = regexp.MustCompile(`(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|appendix|annex|item|the)\b|\b(?:police|constabulary|force|forum|partnership|council|association|commissioners?|pccs?|board|group|panel|ltd|limited)$`)
	outsidePublicRE   = regexp.MustCompile(`(?i)\b(?:public|residents['’]?|communit(?:y|ies)|farmers['’]?|farm ?watch|rural crime|hare coursing|drop-ins?|surger(?:y|ies)|pact|village hall|parish|roadshow|neighbourhood watch|villagers|people)\b`)
	outsideOfficialRE = regexp.MustCompile(`(?i)\b(?:conferences?|regional|national|association of police|apcc|summit|board|commissioners['’]? meeting|pccs['’]? meeting|police and crime commissioners|seminar|workshop|awards?|home office|ministers?|parliament|select committee)\b`)
)

// kindOutside is the Resolution kind of a place outside Cleveland.
const kindOutside = "outside"

// namesCleveland reports whether any block names a ward, town or authority
// of the gazetteer.
func (r *run) namesCleveland() bool {
	if r.clevelandDone {
		return r.cleveland
	}
	r.clevelandDone = true
	at := r.anchorDay()
	for i := range r.blocks {
		if len(r.find(r.blocks[i].Text, at)) > 0 {
			r.cleveland = true
			break
		}
	}
	return r.cleveland
}

// documentLAD is the document's local authority when every place it names
// lies in one, as a news item about one town does; the place as written is
// the first town or authority name. Computed once, at the document's
// anchor day (authorities do not change with ward boundaries).
func (r *run) documentLAD() *gazetteer.Resolution {
	if r.docLADDone {
		return r.docLAD
	}
	r.docLADDone = true
	at := r.anchorDay()
	if at.IsZero() {
		return nil
	}
	// One authority named throughout; a single mention of another among
	// five or more of it ("Sergeant Dowse, who was moving to the Stockton
	// district") does not make the document two authorities'.
	n := map[string]int{}
	firsts := map[string]*gazetteer.Resolution{}
	for i := range r.blocks {
		for _, m := range r.find(r.blocks[i].Text, at) {
			n[m.LADCode]++
			if firsts[m.LADCode] == nil && m.Kind == "lad" {
				res := m.Resolution
				firsts[m.LADCode] = &res
			}
		}
	}
	top, total := "", 0
	for lad, k := range n {
		total += k
		if k > n[top] || (k == n[top] && lad < top) {
			top = lad
		}
	}
	if top == "" || (total > n[top] && (n[top] < 5 || total-n[top] > 1)) {
		return nil
	}
	r.docLAD = firsts[top]
	if r.docLAD == nil {
		// (only wards named: "Thorntree" is in Brambles & Thorntree)
		if res, err := r.x.gaz.Resolve(top, at); err == nil && res.Kind == "lad" {
			res.Text = res.LADName
			r.docLAD = &res
		}
	}
	return r.docLAD
}

// runInFutureHeadRE: a paragraph opening on a heading of what is to come,
// run into its first item ("Dates for your diary AGM – ...", "Coming up:
// Tuesday ..."). A diary-like post closes on what comes after it the same
// way ("Next up: the Grangetown PACT on Thursday"): "next up", "up next",
// "still to come" lead a list of what is planned, not of what was held.
var runInFutureHeadRE = regexp.MustCompile(`^\W*(?i:dates? for (?:your|the) diary|diary dates|coming up|forthcoming (?:meetings|events|dates)|future (?:meetings|dates)|upcoming (?:meetings|events|dates))\s*:?\s+[A-Z0-9]|^\W*(?i:next up|up next|still to come)\s*:\s*\S`)

// diaryRE: the word that makes "Dates for your diary" a section of
// meetings to come, though an "Engagement diary" is a log of those held.
var diaryRE = regexp.MustCompile(`(?i)\bdiary\b`)

// logHeader reports whether a table's header has a column for what was
// raised and one for what came of it ("Date | Engagement | Attendees |
// Issues raised | Outcome"): a meeting to come has neither yet, so the
// table under a "diary" heading is a log of meetings held.
func logHeader(header []string) bool {
	var issues, action bool
	for _, h := range header {
		switch colKind(h) {
		case "issues":
			issues = true
		case "action":
			action = true
		}
	}
	return issues && action
}

// meetingAndVenueRE: a header of one column for a meeting and its venue
// ("Meeting and venue", "Event / location").
var meetingAndVenueRE = regexp.MustCompile(`\b(?:meeting|event|engagement)s?\s*(?:and|&|/|,)\s*(?:venue|location)s?\b`)

// looksLikeHeader: a first table row naming columns such as "Date" and
// "Meeting" rather than holding data.
func looksLikeHeader(cells []string) bool {
	n := 0
	for _, c := range cells {
		if colKind(c) != "" {
			n++
		}
		if len(dates.Find(c)) > 0 {
			return false
		}
	}
	return n >= 2
}

// colKind names what a table column holds, from its header.
func colKind(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	switch {
	case raisedAtRE.MatchString(h):
		return "raisedat" // where or at which meeting a row was raised
	case dateWordRE.MatchString(h) || h == "when" || h == "day" || h == "month" || h == "months" || h == "week" || strings.HasPrefix(h, "when and where") || strings.HasPrefix(h, "when & where") || strings.HasPrefix(h, "where and when") || strings.HasPrefix(h, "where & when") || strings.HasPrefix(h, "when /") || strings.HasPrefix(h, "when/"):
		return "date" // (not "Update from partners")
	case strings.Contains(h, "issue") || strings.Contains(h, "concern") || strings.Contains(h, "raised") || strings.Contains(h, "topic") ||
		strings.Contains(h, "discuss") || strings.Contains(h, "you said") || strings.Contains(h, "you told") || strings.Contains(h, "you asked") || strings.Contains(h, "you raised") || strings.Contains(h, "what you") || strings.Contains(h, "feedback") || strings.Contains(h, "problem") || peopleSaidHeader(h) ||
		// "Matters brought to the Commissioner", "What we heard", "Worries", "Complaints", "Priorities residents set"
		strings.Contains(h, "matter") || strings.Contains(h, "brought") || strings.Contains(h, "heard") || strings.Contains(h, "told") ||
		strings.Contains(h, "complain") || strings.Contains(h, "worr") || strings.Contains(h, "priorit"):
		return "issues"
	case strings.Contains(h, "action") || strings.Contains(h, "outcome") || strings.Contains(h, "response") || strings.Contains(h, "result") ||
		strings.Contains(h, "we did") || strings.Contains(h, "what we") || strings.Contains(h, "update") || strings.Contains(h, "progress") || strings.Contains(h, "what happened"):
		return "action"
	case strings.Contains(h, "ward") || strings.Contains(h, "area") || strings.Contains(h, "place") || h == "where" || h == "town":
		return "place"
	case strings.Contains(h, "authority") || h == "borough" || h == "district":
		return "authority" // the row's place when no column names a nearer one
	case meetingAndVenueRE.MatchString(h):
		return "meeting" // "Meeting and venue": the meeting, where it was held part of its name
	case strings.Contains(h, "location") || strings.Contains(h, "venue"):
		return "venue"
	case strings.Contains(h, "meeting") || strings.Contains(h, "event") || strings.Contains(h, "engagement") || strings.Contains(h, "group") || strings.Contains(h, "title"):
		return "meeting"
	case strings.Contains(h, "attend") || strings.Contains(h, "number"):
		return "attendance"
	case strings.Contains(h, "summary") || strings.Contains(h, "notes") || strings.Contains(h, "comments") || strings.Contains(h, "details") || strings.Contains(h, "points"):
		return "summary"
	}
	return ""
}

// row reads one data row of a table whose header names the columns: a
// dated row is a meeting (with the issues column as its concern); an
// undated row with an issues column is a concern of the meeting the
// table is under (minutes), else of the section's or the report's period
// ("You said | We did").
func (r *run) row(b *segment.Block, header []string, future bool, section *dates.Span, cur *meetingCtx) {
	if rows := dayRows(b, header); rows != nil {
		for i := range rows {
			r.row(&rows[i], header, future, section, cur)
		}
		return
	}
	if parts := splitEngagements(b, header); parts != nil {
		for _, p := range parts {
			r.row(p, header, future, section, cur)
		}
		return
	}
	col := map[string]string{}
	cells := b.Cells
	if len(cells) < len(header) {
		cells = r.realign(cells, header)
	}
	for i, c := range cells {
		if i < len(header) {
			if k := colKind(header[i]); k != "" && col[k] == "" {
				col[k] = c
			} else if k == "issues" && strings.TrimSpace(c) != "" {
				// "Issue | Discussion | Action": the issue's name and
				// what was said of it are one issue ("Young people in
				// the park" / "Groups of teenagers drinking ...").
				col[k] = strings.TrimRight(col[k], " .") + ". " + c
			}
		}
	}
	issues := strings.TrimSpace(col["issues"])
	if sents := sentences(issues); len(sents) > 1 {
		// "Speeding vehicles ...; drug use ... in the park. The
		// Neighbourhood Inspector presented crime figures for the ward,
		// which showed a fall in reported burglary": the police's report
		// in the issues cell is no issue raised; nor is a note of what was
		// done with it ("Referred to NPT; patrols extended", actionNoteRE).
		var keep []string
		for _, sent := range sents {
			if !officialLeadRE.MatchString(sent) && !policeUpdateRE.MatchString(sent) && !toldRE.MatchString(sent) && !actionNoteRE.MatchString(sent) {
				keep = append(keep, sent)
			}
		}
		if len(keep) > 0 {
			issues = strings.Join(keep, " ")
		}
	}
	if issues == "" && col["summary"] != "" {
		// A "Summary" column tells the meeting: its sentences that state
		// a concern, cue or not, are the row's issues ("Speeding on
		// Normanby Road ... were the main subjects"; not "Discussion of
		// safety on buses").
		var keep []string
		for _, sent := range sentences(col["summary"]) {
			if len(r.themes(sent)) > 0 && (isConcern(sent, true) || cuelessConcern(sent)) {
				keep = append(keep, sent)
			}
		}
		issues = strings.Join(keep, " ")
	}
	if ref := strings.TrimSpace(col["raisedat"]); ref != "" && col["date"] == "" {
		// "Raised at | You said | We did" with "PACT 17/01" or "Street
		// surgery 07/02": the row is a concern of that meeting, told above
		// it; a place there ("Where raised | Grangetown") is the row's.
		if m := r.heldByRef(ref); m != nil {
			r.rowConcern(b, m, issues, col)
			return
		}
		if col["place"] == "" {
			col["place"] = ref
		}
	}
	dateText := r.monthYearCell(numericDayCell(col["date"]))
	if col["meeting"] == "" || loneMonthRE.MatchString(tbcRE.ReplaceAllString(dateText, "")) {
		dateText = monthCell(dateText)
	}
	if dateText == "" {
		if m := headerMonth(header); m != "" {
			// "Priority set in June | Update from partners": the issues
			// column's header gives their month.
			dateText = m
		}
	}
	if dateText == "" {
		// No date column: a date in the row's other cells, not in what
		// was raised or done ("Patrols on Friday evenings" dates nothing).
		var other []string
		for i, c := range cells {
			if i < len(header) && (colKind(header[i]) == "issues" || colKind(header[i]) == "action" || colKind(header[i]) == "summary") {
				continue
			}
			other = append(other, c)
		}
		for i, c := range other {
			if bracketMonthTailRE.MatchString(c) && strongMeetingRE.MatchString(c) && !pluralMeetingsRE.MatchString(c) {
				// "Billingham police surgery (August)" in a "Meeting"
				// column: the meeting's month, as in a date column (not
				// "street surgeries (March)": several, no one meeting)
				other[i] = bracketMonthTailRE.ReplaceAllString(c, " in $1")
			}
		}
		dateText = cellMonth(strings.Join(other, " | "))
	}
	if week, ok := weekRow(b.Cells); ok {
		// "| w/c 4 July | |" over "Tue 5 | ..." rows: a diary's week,
		// whose rows give the weekday and day alone.
		r.tableMonth, r.tableWeek, r.tableMeeting = week.Month.String(), week, nil
		if week.Year > 0 {
			r.tableMonth += " " + strconv.Itoa(week.Year)
		}
		return
	}
	if month, ok := monthRow(b.Cells); ok {
		// "| September 2019 |" spanning the table: the month of the rows
		// under it, whose date cells give only the day ("10th").
		r.tableMonth, r.tableWeek, r.tableMeeting = month, dates.Mention{}, nil
		return
	}
	if one, ok := oneCell(b.Cells); ok && strongMeetingRE.MatchString(one) && len(dates.Days(dated(dates.Find(one)))) == 1 {
		// "| Guisborough PACT – Wednesday 10th January 2024, Guisborough
		// Town Hall | |" over "You said | We did" rows: the meeting the
		// rows under it were raised at.
		r.tableMeeting = nil
		if ms, _ := r.meetings(b, one, future, nil); len(ms) == 1 {
			r.tableMeeting = ms[0]
		}
		return
	}
	if m := r.goesOn(b); m != nil && len(dated(dates.Find(dateText))) == 0 {
		r.rowAboveN = b.N
		r.rowConcern(b, m, issues, col)
		return
	}
	if (cur == nil || cur == r.tableMeeting) && r.tableMeeting != nil && len(dated(dates.Find(dateText))) == 0 {
		r.rowConcern(b, r.tableMeeting, issues, col)
		return
	}
	if m := bareDayRE.FindStringSubmatch(dateText); m != nil && r.tableMonth != "" {
		dateText = m[1] + " " + r.weekMonth(m[1])
	} else if m != nil && r.rowMonth != 0 {
		// "Weds 4th" under "Tues 3rd Sept": the month of the row above.
		dateText = m[1] + " " + r.rowMonth.String()
	} else if r.tableMonth != "" && bareDaysRE.MatchString(dateText) {
		// "Tue 12 / Thu 14" under "w/c 11 July": two meetings in one row,
		// whose issues the row does not part (nor the report's period's).
		r.problem(b, "event", clip(b.Text, 120), "the row gives two days and does not say what was raised on which: not emitted")
		return
	}
	ds := dated(dates.Find(dateText))
	if len(ds) > 0 && ds[0].Month != 0 && ds[0].Day != 0 {
		r.rowMonth = ds[0].Month
	}
	if len(ds) == 0 && cur == nil && issues != "" && sameMeetingRE.MatchString(issues) && len(r.held) > 0 {
		// "At the same meeting you told us that ..." in the row after one
		// that told its meeting: that meeting's.
		if last := r.held[len(r.held)-1]; last.ev.Source.Paragraph == b.N-1 && !negationRE.MatchString(issues) && len(r.themes(issues)) > 0 {
			r.rowConcern(b, last, issues, col)
			return
		}
	}
	if len(ds) == 0 && col["date"] == "" && issues != "" {
		issues = leadDayMonth(issues) // "Drop-in at the library, 09/03 – Hartburn Bins set alight ..."
	}
	if len(ds) == 0 && col["date"] == "" && issues != "" && len(dated(dates.Find(issues))) > 0 {
		// No date column and none in the other cells, but the "You said"
		// cell tells a dated meeting ("at the online Coatham ward meeting
		// on Tuesday 10th November residents described ..."): read the
		// cell as a paragraph.
		if r.cellMeetings(b, issues, header, section, future) {
			return
		}
		// "In September, people living in North Ormesby told us drugs
		// were being sold ...", "Throughout October, Thorntree residents
		// reported ...": the cell's own month dates what was raised.
		if own := dated(dates.Find(issues)); cur == nil && len(own) == 1 && !own[0].IsDay() && !future { // (under minutes, a row is their meeting's: "twice in September")
			if sp, ok := r.resolveSpan(b, own[0], false); ok && !r.afterAnchor(sp) && r.periodRow(b, sp, col, issues) {
				return
			}
		}
	}
	if len(ds) == 0 {
		if issues == "" || future || negationRE.MatchString(issues) {
			if col["meeting"] != "" {
				r.problem(b, "date", strings.TrimSpace(dateText), "no day in the row's date column")
			}
			return
		}
		said := saidTable(header)
		if cur != nil && (cur.sticky || cur.headed || (section == nil && !said)) && len(r.themes(issues)) > 0 {
			// Minutes' table of issues ("Issue | Raised by | Action"), or
			// one under a meeting's paragraph: raised at that meeting.
			if res := r.concernPlace(b, issues, cur, cur.span.Start, col["place"]); res != nil {
				r.concern(b, cur, issues, col["action"], *res, cur.span)
			}
			return
		}
		if said && cur == nil && col["date"] == "" && col["meeting"] == "" {
			if m := r.placeRowMeeting(col["place"]); m != nil && (section == nil || (!m.span.Start.Before(section.Start) && !m.span.End.After(section.End))) {
				// "Where | You said | We did" after the month's meetings
				// listed by place: the row is the meeting's there (not
				// under a heading of another period: "Looking back:
				// October to December" after January's meetings).
				r.rowConcern(b, m, issues, col)
				return
			}
		}
		sp, ok := r.undatedSpan(section)
		if !ok {
			r.problem(b, "date", clip(issues, 120), "a concern with no day, month or period to date it: not emitted")
			return
		}
		res := r.concernPlace(b, issues, nil, sp.Start, col["place"])
		if res == nil {
			return
		}
		if len(r.themes(issues)) == 0 {
			return
		}
		if r.toldInSpan(issues, *res, sp) {
			// "Speeding on Ingleby Way | Speed enforcement ..." in a "You
			// said, we did" table after the meetings it came from: the
			// concern told again with what was done, not a second one; a
			// table of "the recurring matters raised" ("Off-road motorbikes
			// | Grangetown") after the meetings that raised them, likewise.
			return
		}
		r.concern(b, nil, issues, col["action"], *res, sp)
		return
	}
	fut := future || futureRE.MatchString(strings.Join([]string{dateText, col["meeting"], col["place"], col["venue"]}, " | ")) // (not the issues: "worried kids will pick them up")
	sp, ok := r.resolveSpan(b, ds[0], fut)
	if !ok {
		return
	}
	if weekdayClash(col["date"], sp) {
		r.problem(b, "date", strings.TrimSpace(dateText), "the weekday is not the day's: not emitted")
		return
	}
	if r.partnerSec && issues == "" && !residentsRE.MatchString(b.Text) {
		// "4 December 2012 | Safer Hartlepool Partnership" under "6.0
		// Partner and strategic meetings": the Commissioner's time with
		// partners, held or to come, no meeting with the public.
		r.problem(b, "event", clip(b.Text, 120), "a meeting with partners, listed under their heading: not emitted")
		return
	}
	if r.partnersListed && partnerBodyRE.MatchString(col["meeting"]) && !residentsRE.MatchString(col["meeting"]) {
		// "Thu 9/3 | Safer Redcar Partnership Board | Redcar | Budget for
		// the new CCTV cameras" in a report that said "Partnership
		// meetings are shown for completeness" (or "The Commissioner
		// also sits on several boards; these are listed for
		// completeness"): the row shows the Commissioner's time, and its
		// issues cell is the board's business, not what residents raised.
		r.problem(b, "event", clip(b.Text, 120), "a partnership or board the report lists for completeness: not emitted")
		return
	}
	if partnerBodyRE.MatchString(col["meeting"]) && !residentsRE.MatchString(col["meeting"]) && bodyBusinessRE.MatchString(issues) {
		// "Tue 8 July | Safer Stockton Partnership Board | Town Hall |
		// Board business only, no public questions": the row shows the
		// Commissioner's time at the body, and its issues cell says no one
		// from the public raised anything there (its "partnership" is the
		// body's own business, not a theme residents raised).
		r.problem(b, "event", clip(b.Text, 120), "a partnership or board whose row says it had no public business: not emitted")
		return
	}
	if partnerBodyRE.MatchString(col["meeting"]) && !residentsRE.MatchString(b.Text) && r.agencyBusinessOnly(issues) {
		// "02/06/2015 | Safer Redcar Partnership Board | Redcar |
		// Joint working between agencies on referrals of vulnerable adults": a
		// body of agencies whose issues cell tells only the agencies'
		// own working together (the "partnership" theme and nothing
		// else), so no resident raised anything there; the row shows the
		// Commissioner's time at the board among the community meetings.
		r.problem(b, "event", clip(b.Text, 120), "a partnership or board whose row tells only the agencies' own working: not emitted")
		return
	}
	if kind := typeCell(header, cells); partnerTypeRE.MatchString(kind) && !publicTypeRE.MatchString(kind) && !residentsRE.MatchString(b.Text) {
		// "13 Nov | Police and Crime Panel | Hemlington | Partner /
		// governance" in a table whose "Type" column tells meetings open
		// to residents ("Community") from the rest: the report lists the
		// row for the Commissioner's time, not as a meeting with the
		// public, though the place column names a ward.
		r.problem(b, "event", clip(b.Text, 120), "the row's type says it is a meeting with partners: not emitted")
		return
	}
	if partnerBracketRE.MatchString(col["meeting"]) && !residentsRE.MatchString(b.Text) {
		// "03/05 | Tees Valley Fly-tipping Group (partner agencies) |
		// Stokesley": the meeting's own cell says in brackets whom it was
		// with, as a Type column would; the row shows the Commissioner's
		// time, not a meeting with the public, though its name gives a
		// theme and its place column a ward.
		r.problem(b, "event", clip(b.Text, 120), "the meeting's cell says it is a meeting with partners: not emitted")
		return
	}
	if notPublicRE.MatchString(col["meeting"]) || notPublicRE.MatchString(col["action"]) || privateRE.MatchString(col["meeting"]) || privateRE.MatchString(issues) {
		// "Force Performance Board (internal) | ... | Not a public
		// meeting.", "Wed 13 | Partners briefing | Officers-only briefing
		// ... No public attendance.": a row the report lists to show the
		// Commissioner's time, not a meeting with the public, held or to
		// come. (The labels of notPublicRE only in the meeting and
		// outcome cells: "the front counter is not open" is an issue.)
		r.problem(b, "event", clip(b.Text, 120), "the row says the meeting was not public: not emitted")
		return
	}
	if fut || r.afterAnchor(sp) {
		r.res.Planned = append(r.res.Planned, Planned{Date: sp.Start.Format(time.DateOnly), Place: col["place"], Title: col["meeting"], Paragraph: b.N})
		return
	}
	if sp.Precision != dates.Day && col["meeting"] == "" && strongMeetingRE.MatchString(issues) && len(dates.Days(dated(dates.Find(issues)))) > 0 && r.cellMeetings(b, issues, header, section, fut) {
		// "February 2019 | At our PACT meeting on Tuesday 12th February
		// you told us motorbikes were being ridden ...": the month's row
		// tells the meeting its issues were raised at.
		return
	}
	if kind := typeCell(header, cells); sp.Precision == dates.Period && col["meeting"] == "" && publicTypeRE.MatchString(kind) && !partnerTypeRE.MatchString(kind) {
		// "w/c 11/09/2023 | Norton Central | Street briefing | ...": a
		// row whose type is a meeting with the public, held some day of
		// its week (weeksCommencing), is that meeting, told for its span.
		col["meeting"] = kind
	} else if r.periodRow(b, sp, col, issues) {
		return
	}
	if cancelledRE.MatchString(issues) || rowCancelledRE.MatchString(issues) || rowCancelledRE.MatchString(col["meeting"]) {
		r.problem(b, "event", clip(b.Text, 120), "the row says the meeting was cancelled: not emitted")
		return // "03/03/2018 | Beckfield Community Centre | – | – | Cancelled – snow, centre closed."
	}
	title := col["meeting"]
	if title == "" && meetingNounRE.MatchString(col["date"]) {
		// "Tue 18th April 2023 – PACT meeting, Newcomen | Parents are
		// parking ... | PCSOs attended ...": the date cell names the
		// meeting; the rest of the row is what was said and done.
		title = col["date"]
	}
	if title == "" {
		title = b.Text
	}
	placeText := col["place"]
	if placeText == "" {
		placeText = col["venue"]
	}
	if placeText == "" {
		placeText = col["authority"]
	}
	var res *gazetteer.Resolution
	if placeText != "" {
		if got, err := r.cellPlace(placeText, sp.Start); err == nil {
			res = &got
		} else if ms := r.find(placeText, sp.Start); len(ms) > 0 {
			res = &ms[0].Resolution
			for _, m := range ms {
				if m.Kind == "ward" && wardWordAfterRE.MatchString(placeText[m.End:]) {
					// "Acklam Green Centre, Kader ward, Middlesbrough": the
					// name the cell calls a ward, not a venue's.
					res = &m.Resolution
					break
				}
			}
		} else if ms := r.find(title, sp.Start); len(ms) == 1 && ms[0].Kind == "ward" {
			// "Wheatlands Ward Meeting | Microsoft Teams", "Ingleby
			// Barwick West ward meeting | Myton Park Primary School
			// hall": a venue the gazetteer does not know, the meeting's
			// own name giving its ward.
			res = &ms[0].Resolution
		} else if r.titlePlace != nil && r.titlePlace.Kind == "ward" {
			// "Beckfield Community Centre", a venue the gazetteer does not
			// know, in the surgery log of "Park End & Beckfield Ward": the
			// ward the document is about.
			t := *r.titlePlace
			res = &t
		} else if ms := r.find(title, sp.Start); len(ms) == 1 && boroughWideRE.MatchString(placeText) {
			// "Hartlepool Youth Council, Civic Centre | (borough-wide)":
			// the place column says the whole borough, the meeting's own
			// name which. (Not "Force-wide": a board of the whole force,
			// wherever it sat.)
			res = &ms[0].Resolution
		} else {
			r.problem(b, "place", placeText, err.Error())
			return
		}
		res = r.rowWard(res, sp.Start, col["date"], title, col["place"], col["venue"])
		if lad := r.jointWards(title, r.find(title, sp.Start), sp.Start); lad != nil && lad.LADCode == res.LADCode && jointWordRE.MatchString(title) {
			// "Joint residents' meeting, Fairfield and Grangefield wards |
			// Fairfield Community Centre": one meeting of both wards, at
			// their authority, wherever its hall is (as in prose). Only
			// when the cell says "joint": "Egglescliffe & Eaglescliffe
			// public meeting | Stockton-on-Tees", a parish's meeting told
			// in the paragraphs at its village, keeps that place.
			res = lad
		}
	} else if res = r.meetingPlace(b, title, title, sp.Start, true); res == nil {
		return
	}
	attendance, _ := strconv.Atoi(strings.TrimSpace(col["attendance"]))
	location := col["venue"]
	if location == placeText && res.Kind == "lad" {
		location = "" // "Location: Hartlepool" is the place, not a venue
	}
	mc := r.rowMeeting(b, sp, title, location, attendance, res)
	r.rowAbove, r.rowAboveN = mc, b.N
	if issues != "" && !negationRE.MatchString(issues) && len(r.themes(issues)) > 0 {
		r.concern(b, mc, issues, col["action"], *res, sp)
	}
}

// colIndex is the first column of the header of the given kind (colKind),
// or -1.
func colIndex(header []string, kind string) int {
	return slices.IndexFunc(header, func(h string) bool { return colKind(h) == kind })
}

// splitEngagements splits a diary row that holds two engagements of one
// day ("a.m. Loftus ward drop-in, Loftus Library; p.m. Guisborough Town
// Council public forum" beside "Loftus: off-road motorbikes ...
// Guisborough: cars parked ...") into a row for each: its part of the
// meeting cell and the part of the issues cell labelled with a name it
// holds. Nil when the row is not of that shape, or when a label names no
// part or two.
func splitEngagements(b *segment.Block, header []string) []*segment.Block {
	mi, ii := colIndex(header, "meeting"), colIndex(header, "issues")
	if mi < 0 || ii < 0 || mi >= len(b.Cells) || ii >= len(b.Cells) {
		return nil
	}
	if len(partOfDayRE.FindAllStringIndex(b.Cells[mi], -1)) < 2 {
		return nil
	}
	parts := strings.Split(partOfDayRE.ReplaceAllString(b.Cells[mi], ";"), ";")
	var kept []string
	for _, p := range parts {
		if p = strings.Trim(p, " ;"); p != "" {
			kept = append(kept, p)
		}
	}
	issues := b.Cells[ii]
	labels := issueLabelRE.FindAllStringSubmatchIndex(issues, -1)
	if len(kept) < 2 || len(labels) != len(kept) {
		return nil
	}
	var out []*segment.Block
	for j, l := range labels {
		name := issues[l[2]:l[3]]
		end := len(issues)
		if j+1 < len(labels) {
			end = labels[j+1][0]
		}
		part := -1
		for k, p := range kept {
			if strings.Contains(strings.ToLower(p), strings.ToLower(name)) {
				if part >= 0 {
					return nil
				}
				part = k
			}
		}
		if part < 0 || part != j {
			return nil
		}
		nb := *b
		nb.Cells = slices.Clone(b.Cells)
		nb.Cells[mi], nb.Cells[ii] = kept[part], strings.TrimSpace(issues[l[1]:end])
		nb.Text = strings.Join(nb.Cells, " | ")
		out = append(out, &nb)
	}
	return out
}

// dayRows splits a table row whose date cell holds several days and
// nothing else ("Tue 11 Oct<br>Tue 25 Oct" for a group that met twice in
// the period) into one row per day: each day is a meeting. Where the issues
// cell labels its points by day ("11 Oct: off-road motorbikes ... 25 Oct:
// the same bikes again ..."), each day's row has its own points; what no
// label claims goes with the first day. It returns nil for any other row.
func dayRows(b *segment.Block, header []string) []segment.Block {
	if len(b.Cells) != len(header) {
		return nil
	}
	dc, ic := colIndex(header, "date"), colIndex(header, "issues")
	if dc < 0 {
		return nil
	}
	cell := b.Cells[dc]
	ds := dates.Find(cell)
	if len(ds) < 2 {
		return nil
	}
	rest := cell
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		if !d.IsDay() || d.Rel != "" || d.Day == 0 || d.Month == 0 {
			return nil
		}
		rest = rest[:d.Start] + rest[d.End:]
	}
	if !daysOnlyRE.MatchString(weekdayWordRE.ReplaceAllString(rest, "")) {
		return nil
	}
	parts := make([]string, len(ds))
	if ic >= 0 {
		issues := b.Cells[ic]
		cut := []int{} // where each day's labelled points start, by day
		owner := []int{}
		for _, m := range dates.Find(issues) {
			if !dayLabelRE.MatchString(issues[m.End:]) {
				continue
			}
			for j, d := range ds {
				if d.Day == m.Day && d.Month == m.Month {
					cut, owner = append(cut, m.Start), append(owner, j)
					break
				}
			}
		}
		if len(cut) == 0 {
			parts[0] = issues
		} else {
			parts[0] = strings.TrimSpace(issues[:cut[0]])
			for k, at := range cut {
				end := len(issues)
				if k+1 < len(cut) {
					end = cut[k+1]
				}
				j := owner[k]
				parts[j] = strings.TrimSpace(strings.TrimSpace(parts[j]) + " " + strings.TrimSpace(issues[at:end]))
			}
		}
	}
	out := make([]segment.Block, len(ds))
	for j, d := range ds {
		nb := *b
		nb.Cells = slices.Clone(b.Cells)
		nb.Cells[dc] = d.Text
		if ic >= 0 {
			nb.Cells[ic] = parts[j]
		}
		nb.Text = strings.Join(nb.Cells, " | ")
		out[j] = nb
	}
	return out
}

var (
	// partOfDayRE marks each engagement of a diary's day: "a.m.",
	// "p.m.", "evening:" at the start of the cell or after a semicolon.
	partOfDayRE = regexp.MustCompile(`(?i)(?:^|;)\s*(?:a\.?m\.?|p\.?m\.?|morning|afternoon|evening)(?:\s*:|\s)\s*`)
	// issueLabelRE is a label heading an engagement's issues in a
	// shared cell: "Loftus: ...", ". Guisborough: ...".
	issueLabelRE = regexp.MustCompile(`(?:^|[.;]\s+)([A-Z][A-Za-z'&-]*(?: [A-Z][A-Za-z'&-]*){0,3}):\s`)
	// daysOnlyRE: what may stand between the days of a date cell that
	// holds several ("Tue 11 Oct, Tue 25 Oct", "3 and 17 Nov").
	daysOnlyRE = regexp.MustCompile(`(?i)^[\s,;/&]*(?:(?:and|&)[\s,;/&]*)*$`)
	// weekdayWordRE: a weekday's name, whole or short.
	weekdayWordRE = regexp.MustCompile(`(?i)\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?`)
	// dayLabelRE: a day written as a label, the points after it ("11 Oct:").
	dayLabelRE = regexp.MustCompile(`^\s*[:–—-]\s`)
)

// cellMeetings reads a row's issues cell that tells its own dated meeting
// as a paragraph: the meetings it tells and what was raised at them. What
// a "You said" column holds is what residents said, though its sentence
// also tells the meeting ("Residents at the Roseworth PACT (Roseworth
// Community Centre, 10th May) said cars were being driven ... at
// ridiculous speeds"). It reports whether the cell told a meeting.
func (r *run) cellMeetings(b *segment.Block, issues string, header []string, section *dates.Span, future bool) bool {
	ms, _ := r.meetings(b, issues, future, nil)
	if len(ms) == 0 {
		return false
	}
	said := r.said
	for _, h := range header {
		if colKind(h) == "issues" && saidHeadRE.MatchString(h) {
			r.said = true
		}
	}
	r.concerns(b, issues, ms, section)
	r.said = said
	return true
}

// bikesRaceTrack reports whether a sentence whose only theme is speeding,
// from "race track" alone, follows one about off-road bikes ("... lads go
// up and down the back lanes on scramblers ... \"It's like living next to
// a race track.\""): the bikes' track, not a second concern.
func bikesRaceTrack(themes []string, s string, before []string) bool {
	return len(themes) == 1 && themes[0] == "speeding" && raceTrackRE.MatchString(s) && !speedWordRE.MatchString(s) && slices.Contains(before, "off_road_bikes")
}

var (
	raceTrackRE = regexp.MustCompile(`(?i)\brace ?tracks?\b`)
	speedWordRE = regexp.MustCompile(`(?i)\b(?:speed\w*|fast|cars?|drivers?|racing|limit|mph)\b`)
)

// seeParaRE: a reference back to a numbered paragraph of the same report
// ("(see 3.2)", "(see paragraphs 4.1 and 4.3)", "as set out at 3.2 above"):
// a report's summary saying again what that paragraph told. A number
// alone in brackets ("(2.5)"), a paragraph to come ("see 6.1 below") and a
// number of another kind ("see page 4") are not.
var seeParaRE = regexp.MustCompile(`(?i)\(\s*see\s+(?:para(?:graph)?s?\.?\s+|section\s+)?[0-9]+\.[0-9]+(?:\s*(?:,|and|&|-|–)\s*[0-9]+\.[0-9]+)*(?:\s+above)?\s*\)|\b(?:see|at|in)\s+(?:para(?:graph)?s?\.?\s+|section\s+)?[0-9]+\.[0-9]+\s+above\b`)

// seeRunsOn reports whether sentence s, the last of paragraph b, breaks off
// on "see" and the next paragraph opens on the paragraph number it points
// to ("4.2 Dog fouling remains the complaint most often made; see" over
// "2.3 above."): a cross-reference a page's line break cut in two, read
// as seeParaRE reads it whole.
func (r *run) seeRunsOn(b *segment.Block, s string) bool {
	if !seeEndRE.MatchString(s) || b.N <= 0 || b.N >= len(r.blocks) {
		return false
	}
	return aboveOpensRE.MatchString(r.blocks[b.N].Text)
}

var (
	seeEndRE     = regexp.MustCompile(`(?i)[;,(]?\s*\bsee(?:\s+(?:para(?:graph)?s?\.?|section))?\s*$`)
	aboveOpensRE = regexp.MustCompile(`(?i)^\W*[0-9]+\.[0-9]+\s+(?:above|below)\b`)
)

// earlierRaised reports whether an item of minutes (a meeting's record)
// says that what it tells was raised at an earlier meeting ("3a. Cars
// taken from driveways. At the February meeting several residents
// reported ...", "Also from February: residents said ...", "In April you
// told us ..."): that meeting's business, which its own record counts, not
// a concern of this one.
//
// The earlier meeting is emitted, with what the item says was raised there,
// when its day or month is knowable (earlierMeeting): the record's
// approval of "the minutes of the meeting held on 8th October 2019" dates
// "the October meeting"; without it, the month is the meeting's span. The
// blind writers count such meetings; their own record, if it is in the
// same backfill, gives events of its own.
func (r *run) earlierRaised(b *segment.Block, text string, ms []*meetingCtx) bool {
	if len(ms) != 1 || !ms[0].sticky || !earlierRaisedRE.MatchString(text) {
		return false
	}
	if m := r.earlierMeeting(b, text, ms[0]); m != nil {
		r.standalone(b, m, text, "", "", nil)
		return true
	}
	r.problem(b, "event", clip(text, 120), "raised at an earlier meeting whose day or month the record does not give: not emitted")
	return true
}

// earlierMeeting is the earlier meeting of the record of cur that text
// names ("at the October meeting", "raised at the last meeting", "Also
// from February:"), made once per span: the day the record's approval of
// that meeting's minutes gives, else the month named (the latest before
// cur's), else the month before cur's for "last month"; nil for the last
// meeting with no approval line, or a month not before cur's.
func (r *run) earlierMeeting(b *segment.Block, text string, cur *meetingCtx) *meetingCtx {
	said := earlierRaisedRE.FindString(text)
	at := cur.span.Start
	var month time.Month
	for _, d := range dates.Find(said) {
		if d.Month != 0 && d.Day == 0 {
			month = d.Month
		}
	}
	last := beforeMeetingRE.MatchString(said)
	approved := r.approvedMinutesDay(at)
	var sp dates.Span
	switch {
	case !approved.IsZero() && (last || approved.Month() == month):
		sp = dates.DaySpan(approved)
	case month != 0:
		y := at.Year()
		if month >= at.Month() {
			y--
		}
		if month == at.Month() || at.Sub(time.Date(y, month, 1, 0, 0, 0, 0, time.UTC)) > 120*24*time.Hour {
			return nil // (the meeting's own month, or one to come: "the raffle will be drawn at the December meeting")
		}
		sp = dates.MonthSpan(time.Date(y, month, 1, 0, 0, 0, 0, time.UTC))
	case strings.Contains(strings.ToLower(said), "last month"):
		sp = dates.MonthSpan(time.Date(at.Year(), at.Month()-1, 1, 0, 0, 0, 0, time.UTC))
	default:
		return nil
	}
	if !sp.End.Before(at) || len(r.themes(text)) == 0 {
		return nil
	}
	for _, m := range r.held {
		// (another item of the record named it. Not seenMeeting: the
		// body's earlier meeting is one whatever each item's words make
		// its kind; with the kinds compared, heldout89's March meeting
		// came out twice.)
		if m.span == sp && m.place.WardCode == cur.place.WardCode && m.place.LADCode == cur.place.LADCode {
			return m
		}
	}
	place := *cur.place
	ev := r.newMeeting(b, sp, cur.ev.Meeting.Title, "", 0, place, nil)
	m := &meetingCtx{ev: ev, span: sp, place: &place, name: cur.name, sent: text}
	r.held = append(r.held, m)
	return m
}

// beforeMeetingRE: the earlier meeting named as the one before this.
var beforeMeetingRE = regexp.MustCompile(`(?i)\b(?:last|previous) meeting\b`)

// approvedMinutesRE: a record's approval of the minutes of the meeting
// before it ("The minutes of the meeting held on 8th October 2019 were
// approved"), or its item on them ("2. MINUTES OF THE LAST MEETING
// (16/11/2023) AND MATTERS ARISING").
var approvedMinutesRE = regexp.MustCompile(`(?i)\bminutes of (?:the )?(?:last|previous) meeting\b|\bminutes of the meeting\b[^.]{0,80}?\b(?:approved|agreed|accepted|signed|confirmed|taken as read)\b`)

// approvedMinutesDay is the day of the earlier meeting whose minutes the
// record approves: the one full date before at in the approving sentence;
// zero if none.
func (r *run) approvedMinutesDay(at time.Time) time.Time {
	for i := range r.blocks {
		for _, s := range sentences(r.blocks[i].Text) {
			if !approvedMinutesRE.MatchString(s) {
				continue
			}
			var day time.Time
			for _, d := range dates.Days(dates.Find(s)) {
				if sp, ok := r.resolveSpan(&r.blocks[i], d, false); ok && sp.Start.Before(at) && sp.Precision == dates.Day {
					if !day.IsZero() {
						return time.Time{} // (two days: which is the meeting's?)
					}
					day = sp.Start
				}
			}
			if !day.IsZero() {
				return day
			}
		}
	}
	return time.Time{}
}

// toComeInRecord reports whether an item of minutes with no concern cue
// tells something on a day after the meeting ("7b. Spring litter pick:
// Saturday 9th April, meet at the Parkway Centre at 10am"): an event to
// come, not a concern.
func (r *run) toComeInRecord(b *segment.Block, text string, ms []*meetingCtx) bool {
	if len(ms) != 1 || !ms[0].sticky || concernCueRE.MatchString(text) || subjectCueRE.MatchString(text) {
		return false
	}
	for _, d := range dates.Days(dates.Find(text)) {
		if sp, ok := r.resolveSpan(b, d, false); ok && sp.Start.After(ms[0].span.End) {
			return true
		}
	}
	return false
}

var earlierRaisedRE = regexp.MustCompile(`(?i)\b(?:at|from) the (?:last|previous|(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december) meeting\b|(?:^|[.:]\s+)(?:also )?from (?:the last meeting|last month|(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december)\s*:|\bin (?:(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december) you (?:told us|said|raised)\b|\b(?:also )?raised (?:in|at) (?:(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december|the last meeting|the previous meeting)\b`)

// unknownWardRE: a name written as a ward's ("Ladgate Ward").
var unknownWardRE = regexp.MustCompile(`\b((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+[Ww]ard\b`)

// saidTable reports whether a table's header is a "You said | We did"
// one: a summary of what was raised over the period, not a meeting's.
func saidTable(header []string) bool {
	for _, h := range header {
		if saidHeadRE.MatchString(h) {
			return true
		}
	}
	return false
}

// toldInSpan reports whether every theme of text was already emitted as
// a concern dated within sp, in res's authority (a summary row's place is
// often no more than its street, or the page's title).
func (r *run) toldInSpan(text string, res gazetteer.Resolution, sp dates.Span) bool {
	themes := r.themes(text)
	for _, th := range themes {
		found := false
		for _, e := range r.res.Events {
			if e.Type != schemas.TypeConcern || e.LADCode != res.LADCode || !slices.Contains(e.Themes, th) {
				continue
			}
			if d, err := time.Parse(time.DateOnly, e.Date); err == nil && !d.Before(sp.Start) && !d.After(sp.End) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(themes) > 0
}

// sameMeetingRE opens a row's text on the meeting the row above told.
var sameMeetingRE = regexp.MustCompile(`(?i)^\W*(?:at|during)\s+(?:the\s+same|that)\s+(?:meeting|pact|session|forum|surgery)\b`)

// officialReplyRE: the official's reply joined to what was raised.
// adviceRE: advice given to the public, told as such ("Residents were
// asked to ...", "People are urged to ...", "If you see ...").
var adviceRE = regexp.MustCompile(`(?i)\b(?:residents|people|everyone|members|those present|the public|villagers|tenants|they)\s+(?:were|are|was|have been|has been)\s+(?:asked|reminded|urged|advised|encouraged)\s+to\b|^\W*(?:please\s+)?(?:remember to|don'?t forget to|if you see|if you have any information)\b`)

var officialReplyRE = regexp.MustCompile(`(?i),\s+and\s+(?:the\s+)?(?:council'?s?\s+|police\s+|neighbourhood\s+)*(?:commissioner|pcc|police|officers?|inspector|sergeant|he|she|mr\s+[A-Z]\w+|(?:neighbourhood|area|community safety|street scene)\s+manager|ward councillors?|(?:dog\s+)?warden)(?:,\s*who\b[^,]{0,60},)?\s+(?:outlined|explained|said|told|described|set out|promised|agreed|replied|responded|assured|gave|undertook|offered)\b`)

// rehome links the concerns r.res.Events[from:to] emitted with no
// meeting, on m's day and in its authority, to meeting m, in its place.
func (r *run) rehome(from, to int, m *meetingCtx) {
	for k := from; k < to && k < len(r.res.Events); k++ {
		e := &r.res.Events[k]
		if e.Type != schemas.TypeConcern || e.Concern == nil || e.Concern.MeetingID != "" || e.Date != m.ev.Date || e.LADCode != m.ev.LADCode {
			continue
		}
		e.Concern.MeetingID = m.ev.EventID
		e.WardCode, e.Place = m.ev.WardCode, m.ev.Place
	}
}

// residentLetterRE: a resident's letter or email read at a meeting.
var residentLetterRE = regexp.MustCompile(`(?i)\b(?:e-?mail|letter|message|note)s?\s+from\s+(?:a|an|two|three|several|some)?\s*(?:local\s+)?(?:residents?|villagers?|parishioners?|members? of the public)\b`)

// residentLetters keeps, of an item of correspondence, the sentences of
// the letters residents sent: from one that names a resident's letter to
// the next letter of another sender.
func residentLetters(text string) string {
	var keep []string
	in := false
	for _, sent := range sentences(text) {
		if letterFromRE.MatchString(sent) {
			in = residentLetterRE.MatchString(sent)
		}
		if in {
			keep = append(keep, sent)
		}
	}
	return strings.Join(keep, " ")
}

// letterFromRE: a sentence that opens a letter of the correspondence.
var letterFromRE = regexp.MustCompile(`(?i)\b(?:e-?mail|letter|message|note)s?\s+(?:from|by)\b`)

// crowdRE: the public crowding in to speak ("It was standing room only at
// the community hub on Tuesday night, as more than sixty South Bank
// residents squeezed in to tell police and councillors ..."). A crowd
// that packs a hall to demand something of the police is a public
// meeting too, though the sentence has no meeting word: a press report
// writes "dozens of tenants piled into the church hall on Monday evening
// to demand something is done about speeding" and says "the meeting"
// only in the next paragraph (crowdPurpose); "about sixty people came to
// the community hub ... to raise their concerns with the Commissioner" is
// the same crowd come to a meeting. A crowd that "crowded into" a hall,
// or "packed" or "filled" it ("Residents packed a church hall in Grove
// Hill on Monday night to demand answers"), is the same crowd told with
// another verb.
var crowdRE = regexp.MustCompile(`(?i)\bstanding room only\b[^.]{0,160}\b(?:residents|people|villagers|tenants|locals|parents|folk)\b|\b(?:residents|people|villagers|tenants|locals|parents|folk|of you)\b[^.]{0,60}\b(?:(?:squeezed|crammed|piled|packed|crowded) (?:in|into)|(?:packed|filled|crammed) (?:a|an|the)\b|came (?:along )?to|turned (?:out|up) (?:at|to)|gathered (?:at|in))\b[^.]{0,60}\bto ` + crowdPurpose + `\b|\b(?:thank you|thanks)\b[^.!]{0,30}\b(?:[0-9]+ of you|all of you|everyone|everybody)\b[^.!]{0,10}\b(?:who|that)\s+(?:came|braved|turned (?:out|up)|joined us|came along|came out)\b` +
	// (a part of a day spent with a counted group of the public: "The
	// inspector spent Tuesday evening at the church hall with around forty
	// tenants" is their meeting; not "spent the day with officers", not
	// "with a resident")
	// (a counted crowd of the public that came to a public hall on its
	// day: "A week later, on Wednesday 10 July, more than 60 people came
	// to Thornaby Town Hall" is a public meeting there, as a reporter
	// tells it; not "60 people came to the fun day", nor to the hall for
	// something else: "came to the Village Hall to enjoy the quiz"; "more than 50 residents squeezed into the
	// community centre", said of a meeting already told, is its crowd
	// and may carry another time: "... after a teenager was threatened
	// there last month")
	`|\b(?:more than|over|around|about|some|nearly|almost|roughly|well over)\s+(?:[0-9]{2,3}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)\s+(?:local\s+)?(?:residents|people|villagers|tenants|locals)\s+(?:came(?: along)?|turned (?:out|up))\s+(?:in)?to\s+(?:the\s+)?(?-i:(?:[A-Z][\w'’-]*\s+){1,3}(?:Town|Village|Church|Community|Memorial|Parish|Civic)\s+(?:Hall|Centre|Rooms))(?:\s*[.;,]|\s*$|\s+(?:on|last|that|this)\b)` +
	`|\bspent\s+(?:the|an|a|his|her|their|my|our|[A-Z][a-z]+day)\s+(?:[a-z]+\s+)?(?:morning|afternoon|evening|hour|hours|day)\b[^.]{0,80}?\bwith\s+(?:around|about|some|over|more than|nearly|almost|roughly)?\s*(?:[0-9]+|a dozen|dozens of|twenty|thirty|forty|fifty|sixty|seventy|eighty|a hundred)\s+(?:local\s+)?(?:residents|people|villagers|tenants|parents|locals)\b`)

// crowdPurpose: what a crowd packed into a hall came to do: speak to
// those in charge (tell, ask, quiz, voice), press them (demand, call
// for, complain about, protest at, air, vent, have their say), or meet
// them ("about thirty of you packed into the community centre ... to
// meet PCSO Hebbron and Sgt Curry": the police or councillors, not "to
// meet friends"). A newsletter counts its readers: "thirty of you".
const crowdPurpose = `(?:tell|ask|question|quiz|raise|put|voice|hear|demand|call for|complain|protest|air|vent|have (?:their|a) say|speak out|meet (?:(?:the|their|our|your) )?(?:new )?(?:pcsos?|pcs?|sgt|sergeant|inspector|officers|police|neighbourhood team|councillors|cllrs?|commissioner|pcc))`

// policeLeadRE: a sentence whose subject is the police (not "Mr Baines",
// a resident, whom officialLeadRE's titles would take).
var policeLeadRE = regexp.MustCompile(`(?i)^\W*(?:the\s+|a\s+|an\s+|our\s+)?(?:[a-z]+\s+)?(?:officers?|police|pcsos?|pcs?|inspector|insp|sergeant|sgt|the force|neighbourhood (?:team|officers?)|(?:police|neighbourhood|local) (?:team|officers?)|patrols?)\b`)

// patrolRequestRE: a sentence asking for patrols or officers.
var patrolRequestRE = regexp.MustCompile(`(?i)^\W*(?:he|she|they|the resident|residents|members)\s+(?:asked|requested|called|pressed|wanted)\s+(?:whether|if|for|that)\b[^.]{0,40}\b(?:patrols?|officers?|police presence|pcsos?)\b`)

// insideQuote reports whether position i of text lies inside a quotation
// opened before it.
func insideQuote(text string, i int) bool {
	before := text[:i]
	return strings.Count(before, "“") > strings.Count(before, "”") || strings.Count(before, "\"")%2 == 1
}

// quotedMentions reports whether every mention of the sentence starting at
// start in text lies inside a quotation (opened before the sentence or
// within it, before the mention).
func quotedMentions(text string, start int, ds []dates.Mention) bool {
	for _, d := range ds {
		if i := start + d.Start; i > len(text) || !insideQuote(text, i) {
			return false
		}
	}
	return true
}

// quotedTodayOnly reports whether a block's days are all a speaker's
// "today" or "tonight" inside quotations ("The Commissioner said: \"...
// tonight's meeting showed why.\"" after the meeting of last night): the
// speaker's day is not one more day, so the block does not date a meeting
// the next paragraph names without one ("The Sergeant told the meeting
// ...").
func quotedTodayOnly(text string, ds []dates.Mention) bool {
	days := dates.Days(ds)
	return len(days) > 0 && allToday(days) && quotedMentions(text, 0, days)
}

// meetingNounOutsideQuote reports whether the sentence starting at start
// in text names a meeting outside any quotation ("turned out for the South
// Bank ward meeting ..., where one grandmother said ... \"three times this
// month\""), not only inside one ("\"... at a South Bank residents'
// meeting last month ...\"").
func meetingNounOutsideQuote(text string, start int, sent string) bool {
	for _, m := range meetingNounRE.FindAllStringIndex(sent, -1) {
		if !insideQuote(text, start+m[0]) {
			return true
		}
	}
	return false
}

// relMonthsOnly reports whether every mention is a month relative to the
// publication ("this month", "last month"), no day of it: a speaker's
// words. (A month named in a quotation, "At the last meeting in November
// we told them", may date the meeting it names.)
func relMonthsOnly(ds []dates.Mention) bool {
	for _, d := range ds {
		if d.RelMonth == "" || d.Day != 0 {
			return false
		}
	}
	return true
}

// allToday reports whether every mention is "today" or "tonight".
func allToday(ds []dates.Mention) bool {
	for _, d := range ds {
		if d.Rel != "today" {
			return false
		}
	}
	return true
}

// storyHeadRE: a heading over what the people at a meeting just told
// raised there ("What residents told us", "What people raised").
// toldHeadRE: a heading over what a meeting heard, in a post that told one
// meeting ("The big three", "Main issues", "What was discussed", "Issues
// you raised": who raised them, the readers who were there, written in).
var toldHeadRE = regexp.MustCompile(`(?i)^\W*(?:the\s+)?(?:big|main|top|key|hot)\s+(?:two|three|four|five|issues|concerns|topics|points|themes)\W*$|^\W*(?:issues|concerns|matters|points|topics)\s+(?:(?:you|residents|people|we)\s+)?(?:raised|discussed|covered)\W*$|^\W*what (?:was|we) (?:discussed|covered|talked about|heard)\W*$|^\W*what you (?:raised|said|told (?:us|them|him|her|the \w+))\W*$`)

var storyHeadRE = regexp.MustCompile(`(?i)^\W*what (?:residents|people|those (?:present|there)|the public|villagers|tenants|members) (?:told (?:us|him|her|them|the commissioner)|said|raised|asked)\W*$`)

// raisedAtRE: a column saying where, or at which meeting, a row's matter
// was raised ("Raised at", "Where raised").
var raisedAtRE = regexp.MustCompile(`^\W*(?:raised (?:at|in|where)|where (?:raised|told|heard)|told (?:at|to us at))\W*$`)

// refDayRE: a day written as day and month in figures ("17/01", "7.2").
var refDayRE = regexp.MustCompile(`\b([0-9]{1,2})[/.]([0-9]{1,2})\b`)

// heldByRef is the one meeting told so far on the day a cell names ("PACT
// 17/01", "Street surgery 7 February"), or nil.
func (r *run) heldByRef(cell string) *meetingCtx {
	day, month := 0, 0
	if m := refDayRE.FindStringSubmatch(cell); m != nil {
		day, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
	} else if ds := dates.Find(cell); len(ds) == 1 && ds[0].Day > 0 && ds[0].Month > 0 {
		day, month = ds[0].Day, int(ds[0].Month)
	}
	if day == 0 || month < 1 || month > 12 {
		return nil
	}
	var found *meetingCtx
	for _, m := range r.held {
		if m.span.Start.Day() == day && int(m.span.Start.Month()) == month && m.span.Start.Equal(m.span.End) {
			if found != nil && found.ev != m.ev {
				return nil
			}
			found = m
		}
	}
	return found
}

// dateRunOn is the last of the table rows from i on whose first cells
// are one date wrapped over them ("Thursday 27" over "June" at a page's
// top; "Wednesday", "12th", "October"), or i.
func (r *run) dateRunOn(i int) int {
	b := &r.blocks[i]
	acc, last := strings.TrimSpace(b.Cells[0]), i
	for j := i + 1; j < len(r.blocks) && len(r.blocks[j].Cells) >= 1 && len(r.blocks[j].Cells) <= len(b.Cells) && len(b.Cells) >= 2 && dateHeadOnlyRE.MatchString(acc); j++ {
		next := strings.TrimSpace(r.blocks[j].Cells[0])
		if next == "" || !datePartCellRE.MatchString(next) {
			break
		}
		if _, ok := monthRow(r.blocks[j].Cells); ok {
			break // "October 2019 | | |": a month row over the rows after it
		}
		acc, last = acc+" "+next, j
	}
	if last > i && len(dates.Days(dates.Find(acc))) == 0 {
		return i // (no day made of them)
	}
	return last
}

var (
	// dateHeadOnlyRE: a date cell's first lines, no month yet ("Wednesday",
	// "Wednesday 12th", "12th").
	dateHeadOnlyRE = regexp.MustCompile(`(?i)^(?:(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?\.?,?)?\s*(?:[0-9]{1,2}(?:st|nd|rd|th)?)?$`)
	// datePartCellRE: the rest of a wrapped date cell ("12th", "October",
	// "29th November", "October 2022").
	datePartCellRE = regexp.MustCompile(`(?i)^(?:[0-9]{1,2}(?:st|nd|rd|th)?)?\s*(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?:\s+[0-9]{4})?)?$`)
)

// monthRow reports whether a table row has one cell, a month (and year),
// and gives it.
func monthRow(cells []string) (string, bool) {
	one := soleCell(cells)
	ds := dates.Find(one)
	if len(ds) != 1 || ds[0].Day != 0 || ds[0].Month == 0 || ds[0].EndMonth != 0 || len(ds[0].Text)*10 < len(one)*6 {
		return "", false
	}
	return ds[0].Text, true
}

// weekRow is a row spanning a table that names the week its rows fall in
// ("w/c 4 July", "Week commencing Monday 4th July 2016"), and that week's
// first day.
func weekRow(cells []string) (dates.Mention, bool) {
	one := soleCell(cells)
	m := weekStartRE.FindStringIndex(one)
	if m == nil {
		return dates.Mention{}, false
	}
	ds := dates.Find(one[m[1]:])
	if len(ds) != 1 || ds[0].Day == 0 || ds[0].Month == 0 || ds[0].EndDay != 0 || ds[0].Start > 1 {
		return dates.Mention{}, false
	}
	return ds[0], true
}

// boroughWideRE: a place cell that says the meeting was for a whole borough
// or town.
var boroughWideRE = regexp.MustCompile(`(?i)\b(?:borough|town|district)[- ]wide\b|\bwhole (?:borough|town)\b`)

// weekStartRE opens a week's row: "w/c", "w/b", "week commencing" and the
// like.
var weekStartRE = regexp.MustCompile(`(?i)^(?:w/[cb]|wc|wk\.?\s+comm(?:encing)?\.?|week\s+(?:commencing|beginning|starting|of))\s*:?\s*`)

// weekMonth is the month (and year, if given) of a row's bare day ("Tue
// 5") under the table's month or week: under "w/c 29 August", "Thu 1" is in
// September.
func (r *run) weekMonth(day string) string {
	w := r.tableWeek
	d, err := strconv.Atoi(dayNumRE.FindString(day))
	if w.Day == 0 || err != nil || d >= w.Day {
		return r.tableMonth
	}
	next := time.Date(max(w.Year, 1), w.Month+1, 1, 0, 0, 0, 0, time.UTC)
	if w.Year > 0 {
		return next.Month().String() + " " + strconv.Itoa(next.Year())
	}
	return next.Month().String()
}

// bareDaysRE is a date cell of two or three days of the month, each with
// its weekday or not ("Tue 12 / Thu 14", "12 & 14").
var bareDaysRE = regexp.MustCompile(`(?i)^\s*` + bareDayPart + `(?:\s*(?:/|&|,|and)\s*` + bareDayPart + `){1,2}\s*$`)

const bareDayPart = `(?:(?:Mon|Tues?|Wed(?:s|nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?`

// dayNumRE is the day of the month a date cell gives.
var dayNumRE = regexp.MustCompile(`[0-9]{1,2}`)

// oneCell is the one non-empty cell of a table row spanning the table.
func oneCell(cells []string) (string, bool) {
	one := soleCell(cells)
	return one, one != "" && len(cells) > 1
}

// soleCell is a row's only non-empty cell, trimmed, or "" when it has
// none or several.
func soleCell(cells []string) string {
	one := ""
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			if one != "" {
				return ""
			}
			one = c
		}
	}
	return one
}

// bareDayRE: a date cell that gives only the day ("10th").
// (its weekday before it or not: "Tues 19th", "Wednesday 4").
var bareDayRE = regexp.MustCompile(`^\s*(` + bareDayPart + `)\s*$`)

// realign spreads a row with fewer cells than its header (a PDF row
// whose cells pdftotext set one space apart: "26 January | Hate Crime
// Partnership Middlesbrough Under-reporting of hate incidents") over the
// header's columns: the date first, then the place column at the place
// the gazetteer finds, the text before it in the column before, the text
// after it in the column after. Cells it cannot place are left as they
// were.
func (r *run) realign(cells, header []string) []string {
	kinds := make([]string, len(header))
	placeCol := -1
	for i, h := range header {
		kinds[i] = colKind(h)
		if kinds[i] == "place" && placeCol < 0 {
			placeCol = i
		}
	}
	if len(cells) != 2 || kinds[0] != "date" || placeCol < 2 || placeCol+1 >= len(header) {
		return cells
	}
	ds := dated(dates.Find(cells[0]))
	if len(ds) == 0 {
		return cells
	}
	sp, _, err := r.a.Resolve(ds[0], false)
	at := sp.Start
	if err != nil {
		at = r.anchorDay()
	}
	rest := cells[1]
	ms := r.find(rest, at)
	if len(ms) == 0 || ms[0].Start == 0 {
		return cells
	}
	out := make([]string, len(header))
	out[0] = cells[0]
	out[placeCol-1] = strings.TrimSpace(rest[:ms[0].Start])
	out[placeCol] = rest[ms[0].Start:ms[0].End]
	out[placeCol+1] = strings.TrimSpace(rest[ms[0].End:])
	return out
}

// undatedSpan is the span an undated concern belongs to: its section's
// (a heading such as "January to March 2016"), else the report's period.
func (r *run) undatedSpan(section *dates.Span) (dates.Span, bool) {
	if section != nil {
		return *section, true
	}
	if !r.a.PeriodStart.IsZero() {
		p := dates.Period
		if r.a.PeriodStart.Day() == 1 && r.a.PeriodEnd.Equal(r.a.PeriodStart.AddDate(0, 1, -1)) {
			p = dates.Month // "during October": the period is one calendar month
		}
		return dates.Span{Start: r.a.PeriodStart, End: r.a.PeriodEnd, Precision: p}, true
	}
	return dates.Span{}, false
}

// policeReplyDashRE: the police's reply told after a dash in what
// residents raised ("Car windows smashed on Elm Grove - PC Shaw advised
// people to report every one", "... last week – officers gave out
// leaflets and said ...", a minute's "- PCSO to pass to the rural crime
// team"): what officers did or said about the matter, not
// more of it; its words ("report", "patrols", "101") are no concern of
// their own.
var policeReplyDashRE = regexp.MustCompile(`(?i)\s[-–—]\s+(?:the\s+)?(?:pcsos?|pc|police|officers?|sergeant|sgt|inspector|insp|neighbourhood team|police team)\b(?:\s+(?-i:[A-Z])[\w'’-]*)?\s+(?:asked|advised|urged|gave|handed|promised|agreed|will|explained|replied|responded|confirmed|said|to\s+(?:pass|refer|raise|report|follow|look|check|chase|contact|speak|visit|arrange|feed|take|liaise|investigate))\b`)

// minuteActionRE: a minute's action for someone, after a comma, ending
// what was raised ("youths gathering outside the shops at night, Amy to
// increase patrols", "..., PCSO to pass to the rural team", "..., Cllr
// Royce to chase the council"): who is to do what, not more of the
// matter; its words ("patrols") are no concern of their own.
var minuteActionRE = regexp.MustCompile(`,\s+(?:(?i:pcsos?|pcs?|police|officers?|sergeant|sgt|inspector|insp|cllrs?|councillors?|clerk|chair|secretary)\b(?:\s+\p{Lu}[\w'’-]*)?|\p{Lu}[\w'’-]+)\s+to\s+(?i:increase|step up|pass|refer|raise|report|follow up|look into|check|chase|contact|speak|visit|arrange|feed back|liaise|investigate|write|ask|find out|monitor)\b`)

// sentenceEndRE: the end of a sentence before the next one's capital.
var sentenceEndRE = regexp.MustCompile(`[.!?]["”'’)]*\s+["“]?[A-Z0-9]`)

// clauses splits a sentence at semicolons ("At Eston, residents
// complained about ...; in Newport, concerns regarding ... were raised"):
// each part may be about another meeting.
func clauses(s string) []string {
	parts := strings.Split(s, "; ")
	if len(parts) == 1 {
		return parts
	}
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// isConcern reports whether a clause states a concern: a cue ("residents
// raised", "several people said"), not negated, not the PCC's plans, not
// an officer's update. With a meeting to belong to, a topic word is
// enough ("Issues discussed: speeding, litter").
// reportedToOfficeRE: a matter told in the passive as reported to the
// Commissioner's office ("Fly-tipping in the back alleys has been reported
// to the Office repeatedly throughout September", "has also been raised
// with the Commissioner"): the public raising it, though no one is named.
var reportedToOfficeRE = regexp.MustCompile(`(?i)\b(?:has|have|had)\s+been\s+(?:repeatedly\s+|regularly\s+|frequently\s+|often\s+|also\s+|consistently\s+)?(?:reported|raised|brought)\s+(?:to|with)\s+(?:the|our|his|her)\s+(?:office|commissioner|pcc|police and crime commissioner)\b`)

// beenTellingUsRE: the public telling the team again and again over a
// stretch, in the progressive ("Since Easter, people all over the estate
// have been telling us about cars being broken into", "residents keep
// contacting us about ...", "a lot of you contacted us about ..."): a team's update telling what it heard
// outside its meetings, as "reported to the office" is for the
// Commissioner's. The teller must be the public (people, residents,
// neighbours, shopkeepers ...), not officers or partners.
//
// Newsletters and councillors' blogs write the same stretch of reports
// three more ways, all outside any meeting: with an aside of how people
// told ("tenants have been telling us - in the office and by text -
// about ..."); with an association's members as the tellers and
// "reported" as the verb ("members have reported dumped rubbish every
// week"); and in the first person of the one who received them ("all
// through May I was getting e-mails about ...", "we have been receiving
// complaints about ..."). An officer's or a partner's report is no
// teller ("the police have reported"), nor is one message ("I got an
// e-mail about").
var beenTellingUsRE = regexp.MustCompile(`(?i)\b(?:people|residents|neighbours|householders|parents|shopkeepers|traders|tenants|villagers|members of the public|you)\b[^.;:]{0,40}?\b(?:have|has)\s+been\s+(?:telling|contacting|ringing|calling|messaging|e-?mailing)\s+(?:us|the team|officers|the police)(?:\s*[-–—(]\s[^.;:()]{0,50}?\s[-–—)])?\s+(?:about|that)\b|\b(?:residents|neighbours|householders|tenants|villagers|(?:our\s+|association\s+|group\s+)?members)\s+(?:have|had)\s+(?:been\s+reporting|reported)\b|\b(?:I|we)\s+(?:was|were|have\s+been|'ve\s+been|had\s+been|keep|kept)\s+(?:getting|receiving)\s+(?:(?:lots|loads|a\s+lot|plenty|dozens)\s+of\s+|several\s+|many\s+|more\s+)?(?:e-?mails|calls|phone\s+calls|messages|complaints|reports|letters)\s+(?:from\s+[^.;:]{0,30}?\s+)?about\b|\b(?:people|residents|neighbours|you)\s+(?:keep|kept)\s+(?:telling|contacting|ringing|calling)\s+us\s+(?:about|that)\b|\b(?:a lot|lots|many|loads|dozens|several|some)\s+of\s+you\s+(?:have\s+)?(?:contacted|rang|called|told|messaged|e-?mailed)\s+us\s+(?:about|that)\b`)

// concernsLedRE: what a concern already told led to ("The Roseworth
// concerns led to a warrant being executed on 3 August", "complaints have
// since resulted in a dispersal order"): the outcome, on its own day, not
// one more concern.
const concernsLedPat = `(?:concerns?|complaints?|issues?|reports?)\s+(?:have\s+|has\s+|had\s+)?(?:since\s+|directly\s+)?(?:led|lead|leads|resulted|result|prompted)\s+(?:to|in)\b`

var concernsLedRE = regexp.MustCompile(`(?i)\b` + concernsLedPat)

// inResponseRE: what was done "in response to the concerns about" a
// matter ("Patrols have been stepped up in Thornaby in response to the
// concerns about dealing", "as a result of residents' complaints over
// parking"): the action, its reason the concerns told before, not one
// more concern. (Not "following concerns raised at the X meeting about
// speeding", which tells the concern and where it was raised.)
var inResponseRE = regexp.MustCompile(`(?i)\b(?:in\s+response\s+to|as\s+a\s+result\s+of)\s+(?:the\s+|these\s+|those\s+|such\s+|residents['’]?\s+|people's\s+)?(?:concerns?|complaints?|issues?)\s+(?:about|over|regarding|around)\b`)

func isConcern(s string, inMeeting bool) bool {
	s = purposeClauseRE.ReplaceAllString(s, "")
	if head, tail, ok := strings.Cut(s, "; "); ok && negationRE.MatchString(tail) && !negationRE.MatchString(head) {
		// "In Linthorpe, residents described late-night noise ...; no new
		// policing issues were raised at the Acklam meeting": the
		// negation is the next clause's, about another meeting.
		s = head
	}
	cue := concernCueRE.MatchString(s) || subjectCueRE.MatchString(s) || (speakerCue(s) && !officialLeadRE.MatchString(s)) || whereVictimsRE.MatchString(s) || heardFromVictimsRE.MatchString(s) || (inMeeting && (wherePropertyRE.MatchString(s) || shownWhereRE.MatchString(s))) || whereToldRE.MatchString(s) || pointedOut(s) || atMeetingAsked(s) || reportedToOfficeRE.MatchString(s) || beenTellingUsRE.MatchString(s)
	if !cue && inMeeting && (whereSubjectRE.MatchString(s) || weTalkedAboutRE.MatchString(s)) {
		cue = true
	}
	if !cue && inMeeting {
		// a topic word is a weak cue: not in the police's or the PCC's own
		// words ("Mr Turner said: \"Converter theft is a priority\"")
		cue = (topicCueRE.MatchString(s) || quoteCue(s)) && !officialLeadRE.MatchString(s) && !officialSpeaker(s)
	}
	if cue && officialSpeaker(s) && !publicRE.MatchString(s) && !(councillorLeadRE.MatchString(s) && !quoteRE.MatchString(s)) {
		// "Steve Turner, the Commissioner, said anti-social behaviour was
		// his top concern": the official's own view, unless he tells what
		// residents raised.
		return false
	}
	if cue && firstPersonPromiseRE.MatchString(s) {
		// "“I'll be speaking to the Chief Constable and to the Safer
		// Roads partnership about what more can be done ...”": the
		// speaker's promise, not what residents raised
		return false
	}
	if cue && councillorLeadRE.MatchString(s) && saidWouldRE.MatchString(wishRE.ReplaceAllString(s, "want")) {
		// "Cllr Fenwick said she would ask the council's road safety team
		// for a traffic survey": the councillor's promise, not what she
		// reported.
		return false
	}
	return cue && !negationRE.MatchString(s) && !planRE.MatchString(s) && !policeUpdateRE.MatchString(s) && !readerAppealRE.MatchString(s) && !concernsLedRE.MatchString(s) && !inResponseRE.MatchString(s)
}

// whereSubjectRE: a meeting's "where" clause naming what it was about
// ("I ended the week at the ward meeting, where the subject was vans
// cutting through the estate"): what was raised there, as "where the
// main topic was" is.
var whereSubjectRE = regexp.MustCompile(`(?i)\bwhere the (?:(?:big|only|hot|one)\s+)?(?:subject|topic|focus|theme)s?\s+(?:was|were)\b`)

// weTalkedAboutRE: at a meeting, the writer and those who came talking
// about something ("We chatted a lot about cold callers", "We walked the
// estate and talked about the lack of street lights"): what was raised
// there, told in the first person plural by the one who went. Only with
// "about" right after the verb: "we talked to pupils about online safety"
// is a talk given, not heard.
var weTalkedAboutRE = regexp.MustCompile(`(?i)\bwe\b[^.;:]{0,80}?\b(?:talked|chatted)\s+(?:(?:a lot|mostly|mainly|at length|a great deal|for ages)\s+)?about\b`)

// raisedEarlierRE: a matter referred back to as raised at an earlier
// meeting, in a relative clause ("the dog fouling that members raised at
// the last meeting has gone to the council, no answer yet", "the parking
// which residents brought up in January") or under minutes' "Matters
// arising": the follow-up of an earlier meeting's concern, not a concern
// raised at the meeting being told (whose day it would wrongly take). Not
// a meeting told with what it raised ("Speeding was raised at the January
// meeting", no relative clause), nor "raised at this meeting". Minutes
// abbreviate the month as often ("the litter that people complained about
// at the Nov meeting").
var raisedEarlierRE = regexp.MustCompile(`(?i)\b(?:that|which|members|residents|people|we|you)\s+(?:\w+\s+){0,2}?(?:had\s+)?(?:brought\s+up|raised|mentioned|reported|complained\s+(?:of|about))\s+(?:(?:in|at|during)\s+(?:the\s+)?(?:last|previous|earlier|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|last\s+(?:time|month))`)

// readerAppealRE: a sentence telling the reader how to raise something
// ("You can report concerns to your neighbourhood team on 101", a box in
// a post under the day it tells): an appeal, not a concern anyone raised,
// though its cue word is one. Not a quotation ("You can ring 101 all night
// and nobody comes", a resident's words, opens with its quotation mark).
var readerAppealRE = regexp.MustCompile(`^\s*(?:(?i:did you know)\?\s*)?You\s+(?:can|could|should|may)\s+(?:also\s+|always\s+)?(?:report|contact|call|ring|e-?mail|tell|pass|raise|speak to|get in touch)\b`)

// whereVictimsRE: a meeting's "where" clause telling what had happened to
// the residents who came ("the Hardwick forum on the 9th, where two
// pensioners had been targeted by doorstep sellers"): what they brought
// to it, as "where residents raised" is. (Not "where residents were told
// how to avoid scams", nor a victim told outside a meeting's clause:
// "people who have been targeted should ring 101".) Likewise what they
// had had stolen or damaged ("a surgery in Hartburn, where two residents
// had had their bikes stolen from their sheds"; not "had had new locks
// fitted").
var whereVictimsRE = regexp.MustCompile(`(?i)\bwhere\s+(?:(?:several|some|many|two|three|four|a few|a number of)\s+)?(?:(?:older|elderly|local|young|vulnerable)\s+)?(?:residents|people|members|villagers|traders|tenants|pensioners|shopkeepers|families)\s+(?:(?:had|have)\s+(?:been|fallen)\s+(?:targeted|subjected|victims?|prey|hit)|(?:had|have)\s+had\s+(?:[\w'’-]+\s+){1,5}?(?:stolen|taken|broken into|damaged|smashed|vandalised))\b`)

// heardFromVictimsRE: the writer hearing from, or meeting, people the
// sentence says had been the victims of a crime ("the forum heard from a
// few tenants whose sheds had been broken into", "she met two pensioners
// who had been targeted by doorstep callers"): what they brought to the
// meeting, as whereVictimsRE's "where" clause is. The relative clause must
// tell a crime against them or their things in the perfect or pluperfect
// passive; "heard from residents who had been told about the new scheme"
// or "whose homes had been fitted with new locks" is not, nor people so
// described with no hearing or meeting ("residents whose cars have been
// broken into should ring 101").
var heardFromVictimsRE = regexp.MustCompile(`(?i)\b(?:(?:heard|hear|hearing)\s+(?:directly\s+|first-hand\s+)?from|met|meet|spoke\s+(?:to|with)|talked\s+(?:to|with)|listened\s+to)\s+(?:with\s+)?` + victimsTailRE)

// victimsTailRE: people counted or described, then a relative clause of a
// crime done to them or their things (heardFromVictimsRE).
const victimsTailRE = `(?:(?:several|some|many|two|three|four|five|a few|a number of|a couple of)\s+)?(?:(?:older|elderly|local|young|vulnerable)\s+)?(?:residents|people|villagers|traders|tenants|pensioners|shopkeepers|families|neighbours|householders|drivers|parents)\s+(?:who\s+(?:had|have)\s+(?:been\s+(?:targeted|burgled|robbed|attacked|assaulted|threatened|scammed|defrauded|victims?)|had\s+(?:[\w'’-]+\s+){1,5}?(?:stolen|taken|broken into|damaged|smashed|vandalised))|whose\s+(?:[\w'’-]+\s+){1,3}?(?:had|have)\s+(?:recently\s+|all\s+)?been\s+(?:broken into|stolen|damaged|smashed|vandalised|set alight|set on fire|burgled|targeted|attacked))\b`

// wherePropertyRE: a meeting's "where" clause telling what had been done
// to the things of those who came ("the Acklam residents' meeting, where
// several sheds and a car had been broken into", "the forum, where two
// bus shelters had been smashed"): what they brought to it, as
// whereVictimsRE's residents who had had things stolen. A count or
// quantity before the things, and the pluperfect or perfect passive of a
// crime against property; not "where new locks had been fitted", nor a
// "where" of place outside a meeting's clause (isConcern reads it at a
// meeting only).
var wherePropertyRE = regexp.MustCompile(`(?i)\bwhere\s+(?:a number of|a few|several|some|many|two|three|four|five|a string of|a spate of|a run of)\s+(?:[\w'’-]+\s+){1,5}?(?:had|have)\s+(?:recently\s+|all\s+)?been\s+(?:broken into|stolen|damaged|smashed|vandalised|set alight|set on fire|burgled|targeted|attacked)\b`)

// shownWhereRE: on a walkabout, the places the writer and those with him
// were taken to see, told with what happens there ("We looked at the
// alley where youths have been gathering", "we were shown the garages
// where cars keep being broken into"): what was raised there, the places
// being the residents' to show. First person plural and a "where" clause
// right on the place.
var shownWhereRE = regexp.MustCompile(`(?i)\bwe\s+(?:also\s+|then\s+)?(?:looked at|were shown|were taken to see|walked past|stopped at)\s+(?:the\s+|a\s+|some\s+)?(?:[\w'’-]+\s+){0,6}?where\b`)

// whereToldRE: a meeting's "where" clause whose subject is those who came
// and whose verb is one of telling ("crossed into Acklam for the
// community council, where members described lorries using the lane as a
// rat run", "the forum, where those present reported cars broken into"):
// what they brought to it, as "where residents raised" is. At a meeting
// its members, whoever they are, speak as those who came; "where members
// were told", "where members heard" and "where members agreed" are not
// theirs to raise.
var whereToldRE = regexp.MustCompile(`(?i)\bwhere\s+(?:(?:several|some|many|a few|other|older|local)\s+)?(?:members|those (?:present|attending|there)|attendees|people|residents|villagers|tenants|traders|parents)\s+(?:also\s+)?(?:reported|described|spoke (?:of|about)|told (?:of|him|her|them|us|the \w+)|mentioned|pointed out)\b`)

// pointedOutRE: those who came pointing something out, as residents do on
// a walkabout ("walked the estate with the ward councillor and a few
// tenants, who pointed out the garages where the lads gather", "Residents
// pointed out the lane where rubbish is dumped"): what they raised. The
// subject is the public's, right before the verb or as a "who" clause on
// it; "members" only as "members of the ..." (a panel's members
// pointing out figures are no residents).
var pointedOutRE = regexp.MustCompile(`(?i)\b(?:residents|people|villagers|tenants|neighbours|parents|traders|locals|shopkeepers|dog walkers|members of the\s+[^.;,]{1,60}?|(?:a|one|another)\s+(?:local\s+)?resident)(?:,\s*|\s+)(?:who\s+(?:(?:joined|came on|came along on|took part in|were on)\s+[^.;,]{1,40}?\s+)?)?(?:also\s+)?pointed out\b`)

// atMeetingAskedRE: those at a meeting, named with it, asking, speaking or
// telling ("residents at the Marsh Lane and Brackenhill community meeting
// asked for firmer action on parking", "people at the Hemlington forum
// spoke about lorries", "villagers at the PACT told officers ..."), where
// the meeting's long name puts the verb beyond subjectCueRE's reach; group
// 1 is the words before the verb.
var atMeetingAskedRE = regexp.MustCompile(`(?i)\b(?:residents|people|villagers|tenants|parents|those)\s+(?:at|from)\s+the\b[^.;]{0,80}?\b(?:meeting|forum|surgery|pact)\b([^.;]{0,60}?)\b(?:asked|spoke|pointed out|told|said|described|complained)\b`)

// passiveBeforeRE: "were asked", "had been asked": those at the meeting
// asked something of, not asking.
var passiveBeforeRE = regexp.MustCompile(`(?i)\b(?:were|was|are|is|been|be|being)\s+(?:\w+\s+)?$`)

// atMeetingAsked reports whether s tells those at a meeting asking,
// speaking or telling (atMeetingAskedRE), not being asked or told
// ("residents at the meeting were told the team is at full strength" is
// the police's update).
func atMeetingAsked(s string) bool {
	m := atMeetingAskedRE.FindStringSubmatch(s)
	return m != nil && !passiveBeforeRE.MatchString(m[1])
}

// pointedOutBeforeRE: the words before pointedOutRE's subject that make
// the clause the object's, not the people's ("the main things people
// pointed out were ..."): the sentence is then told of what was pointed
// out, on an occasion it may have named elsewhere (a walkabout told in
// minutes of another meeting), and is left to the other cues.
var pointedOutBeforeRE = regexp.MustCompile(`(?i)\b(?:things?|issues?|problems?|matters?|what|points?)\s+$`)

// pointedOut reports whether s tells the public pointing something out
// (pointedOutRE).
func pointedOut(s string) bool {
	for _, loc := range pointedOutRE.FindAllStringIndex(s, -1) {
		if !pointedOutBeforeRE.MatchString(s[:loc[0]]) {
			return true
		}
	}
	return false
}

// purposeClauseRE: a clause saying what an arrangement is for, what may
// be raised through it, not what was ("the Commissioner holds a surgery
// each month so that residents' worries can be taken straight to the
// local team", "in order that concerns about parking could be heard"): a
// concern word there names no concern anyone raised, so isConcern reads
// the sentence without it (a cue before it still counts: "residents
// complained about speeding so that the council could act").
var purposeClauseRE = regexp.MustCompile(`(?i)[,;]?\s*\b(?:so that|so|in order that|in order to|to ensure(?: that)?|to make sure(?: that)?)\s+(?:[\w'’-]+\s+){0,6}?(?:can|could|may|might|(?:are|is|be) able to)\s+(?:be\s+|then\s+|always\s+|easily\s+|directly\s+)?(?:passed|raised?|heard|fed|shared|taken|reported|discussed|logged|picked|brought|acted|dealt|put|voiced?|aired?|flagged|referred|tell|told)\b[^.;]*`)

// firstPersonPromiseRE: a quotation opening on the speaker's promise.
var firstPersonPromiseRE = regexp.MustCompile(`^\W*(?:I(?:'ll|’ll| will| am going to| shall| have asked| intend to| promise)|we(?:'ll|’ll| will| are going to| have asked)|(?:I|we)(?:'ve|’ve| have| had)\s+(?:passed|reported|raised|asked|written|contacted|forwarded|sent|referred))\b`)

// saidWouldRE: someone saying what they would do.
var saidWouldRE = regexp.MustCompile(`(?i)\b(?:said|says|agreed|offered|undertook)\s+(?:that\s+)?(?:she|he|they)\s+(?:would|will)\b`)

// councillorLeadRE: a sentence whose subject is a councillor by name
// ("Cllr Rennison said that two homes had had oil stolen"): reported as
// minutes report it (not quoted, as a council's press release quotes its
// cabinet member), parish and ward councillors raise what their residents
// tell them.
var councillorLeadRE = regexp.MustCompile(`^\W*(?:(?i:cllrs?|councillors?|coun)\.?)\s+(?:[A-Z]\.\s*)?[A-Z][\w'’-]+\s+(?i:said|reported|raised|asked|told|mentioned|complained|highlighted|expressed)\b`)

// publicLeadRE: a sentence whose subject is the public.
// ("Some officers said ..." is no such sentence: "some", "many" count
// only with the public after them.)
// impostorRE: someone claiming to be an official, a fraud's words, not an
// official's.
var impostorRE = regexp.MustCompile(`(?i)\b(?:claiming|pretending|purporting) to be (?:an? |the )?(?:police officers?|police|officers?|from the police)\b|\bposing as (?:an? )?(?:police officers?|police)\b`)

var publicLeadRE = regexp.MustCompile(`(?i)^\W*(?:(?:some|many|several|other)\s+)?(?:others|residents|people|parents|traders|tenants|villagers|locals|neighbours|members)\b`)

// publicRE: the public, as an official's sentence tells what they raised.
var publicRE = regexp.MustCompile(`(?i)\b(?:residents?|people|the public|communit(?:y|ies)|members of the public|traders|shopkeepers|parents|villagers|tenants|locals|farmers|neighbours|young people|businesses)\b`)

// cuelessConcern reports whether a sentence told at a meeting (in its
// paragraph, the paragraphs after it, an entry's text after its colon, a
// list under it) or under a heading of residents' issues is a concern
// though it has no cue word: what a meeting report says was discussed is
// what residents raised ("Youngsters riding motorbikes through the estate
// took up most of the evening", "Top of the list was the speed of
// traffic"), unless it is the police's, the council's or the PCC's own
// account, action or promise, a plan, a negation or the sentence telling
// the meeting itself. Its theme is checked by the caller.
func cuelessConcern(s string) bool {
	if i := strings.Index(s, "; "); i > 0 && officialLeadRE.MatchString(s[i+2:]) {
		// "Residents would like to see officers walking through the village
		// more often; the PCC said he would pass this on": the official's
		// reply after the semicolon is no part of what was raised.
		s = s[:i]
	}
	s = wishRE.ReplaceAllString(s, "want")
	// "cars going too fast through the village, they're wanting a Speed
	// Watch": the remedy residents want, after the matter they raised, is
	// no action taken (actionRE) that makes the sentence the police's.
	s = wantRemedyRE.ReplaceAllString(s, "")
	// "residents felt that officers are rarely seen": the police's
	// absence, a concern, though officers are its subject.
	s = policeAbsentRE.ReplaceAllString(s, "the absence of patrols")
	if firstPersonPromiseRE.MatchString(s) {
		return false // "I've passed this on to the council's parking team": the writer's action
	}
	// actionRE: what was done about a matter, not what was raised; what
	// someone has funded or paid for is a provision of theirs too ("Marske
	// is one of the villages where the council has funded more patrols this
	// year", "the extra patrols were paid for by the PCC"), wherever in the
	// sentence the official stands.
	if negationRE.MatchString(s) || planRE.MatchString(s) || policeUpdateRE.MatchString(s) || actionRE.MatchString(s) {
		return false
	}
	if officialLeadRE.MatchString(s) || promiseRE.MatchString(s) || officialSpeaker(s) || (toldRE.MatchString(s) && !quotedYou(s)) {
		return false
	}
	return !(meetingNounRE.MatchString(maskGroupOf(s)) && (attendRE.MatchString(s) || len(dates.Find(s)) > 0))
}

// actionNoteRE: a note of what was done with a matter, its doer left out,
// as a report's "Issues raised / action" cell writes it after the issues
// ("Referred to the NPT; extra patrols agreed", "Passed on to the council's
// parking team"): the office's action, no matter raised. (Only at the
// opening of the sentence: "Youths were referred to the youth service" is
// a resident's account.)
var actionNoteRE = regexp.MustCompile(`(?i)^\W*(?:referred|passed|handed|forwarded|escalated|sent)\s+(?:on\s+|back\s+|over\s+)?to\s+(?:the\s+)?(?:npt|neighbourhood|police|council|local authority|partners?|force|opcc|office|(?-i:[A-Z]))`)

// wantRemedyRE: a clause after a comma or dash in which residents say
// what they want done ("..., they're wanting a Speed Watch", "– people
// are calling for CCTV"), to the end of the sentence.
var wantRemedyRE = regexp.MustCompile(`(?i)\s*[,;–—-]\s*(?:and\s+|so\s+)?(?:they|residents|people|locals|villagers|neighbours|parents)(?:'re|’re|\s+are|\s+were)?\s+(?:now\s+)?(?:wanting|want|asking for|calling for|pushing for|keen on|keen to see)\b[^.;!?]*`)

// wishRE: a resident's wish ("would like to see"), no promise.
var wishRE = regexp.MustCompile(`(?i)\bwould (?:like|love|prefer|welcome)\b`)

// askedForMeetingRE: people asking for a meeting of their own.
var askedForMeetingRE = regexp.MustCompile(`(?i)\b(?:asked|called|pressed|petitioned|are calling|have called|want)\s+for\s+(?:a|an)\s+(?:\w+\s+){0,2}?(?:meeting|surgery|drop-in)\b|\bmeeting of their own\b`)

// quotedYou reports whether the only thing toldRE finds in s is a generic
// "when you" or "if you" inside a quotation s opens with ("\"When you ring,
// it's an hour before anyone comes\"", a farmer's words): a speaker's you,
// not an appeal to the reader.
func quotedYou(s string) bool {
	t := strings.TrimLeft(s, " \t")
	if !strings.HasPrefix(t, "\"") && !strings.HasPrefix(t, "“") {
		return false
	}
	for _, m := range toldRE.FindAllString(s, -1) {
		if l := strings.ToLower(m); l != "when you" && l != "if you" {
			return false
		}
	}
	return true
}

var (
	// officialLeadRE: a sentence whose subject is the police, the council
	// or the Commissioner ("Mr Coppinger said ...", "He asked the
	// council ...", "Inspector Clarke said ...", "Patrols have been ...").
	officialLeadRE = regexp.MustCompile(`(?i)^\W*(?:the\s+|a\s+|an\s+|our\s+|his\s+|her\s+)?(?:[a-z]+\s+)?(?:(?:police and crime )?commissioners?|pcc|mr|mrs|ms|dr|he|she|we|inspector|insp|sergeant|sgt|pc|pcsos?|officers?|police|the force|chief|superintendent|supt|council|neighbourhood (?:team|officers?)|(?:police|neighbourhood|local) (?:team|officers?)|patrols?|operation|office|opcc|an? (?:update|report)|figures|statistics|crime figures)\b`)
	// toldRE: what the meeting was told or shown (by the police, the
	// PCC), figures, and appeals to the reader ("If you want to report
	// drug dealing, call 101"): information given, not a concern raised.
	// Figures include a count of crimes recorded ("12 crimes were reported
	// in the village in May") and a comparison with a period before
	// ("fewer than in May last year"): the police's figures for an area,
	// which name offences without anyone raising them.
	toldRE = regexp.MustCompile(`(?i)\b(?:[0-9]+\s+(?:crimes|offences|incidents|burglaries|thefts|reports)\s+(?:were|have been|had been)\s+(?:reported|recorded|logged)|(?:fewer|less|lower|more|higher|down|up)\s+(?:than|on|from)\s+(?:in\s+|at\s+)?(?:the\s+same\s+(?:period|time|month|quarter)\s+)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:last|the previous)\s+(?:year|month|quarter)|(?:was|were) (?:told|informed|updated|shown|given|briefed|reassured)|advised by (?:the |a )?(?:pcsos?|pcs?|police|officers?|sergeant|sgt|inspector|neighbourhood team)|(?:police|officers?|the force|council|inspector|sergeant|sgt|pcsos?) (?:informed|told|assured|updated|briefed)|heard (?:from|how)|(?:an?|the|his|her) (?:presentation|talk|update|briefing|overview) (?:on|about|from)|explained|outlined|set out|per ?cent|(?:fell|fallen|rose|risen|dropped|increased|decreased|reduced|went (?:up|down)) by|(?:if|when) you|anyone (?:with|who|affected by)|can contact|please|crimestoppers|call 101|ring 101)\b|[0-9]\s?%`)
	// officialSaidRE: an officer or the PCC, by title and name, saying
	// something ("Inspector Jane Smith said", "Mr Coppinger added").
	officialSaidRE = regexp.MustCompile(`\b(?:[Cc]ommissioner|PCC|Mr|Mrs|Ms|Dr|[Ii]nspector|Insp|[Ss]ergeant|Sgt|PC|PCSO|[Ss]uperintendent|Supt|[Cc]hief [Cc]onstable|[Oo]fficers?|[Pp]olice)(?:\s+[A-Z][a-z'’-]+){0,3},?\s+(?:said|says|added|explained|told|warned|urged|stressed|confirmed|reported|replied|responded|assured|reassured)\b`)
	// promiseRE: what someone will do, not what residents raised.
	promiseRE = regexp.MustCompile(`(?i)\b(?:will|would|promised|pledged|undertook|agreed to|plans? to|is to|are to|going to|asked (?:the|for) (?:police|council|force)|thanked|praised|welcomed|congratulated)\b`)
)

// cueless reports whether clause c of sentence s, at meetings ms, is a
// concern without a cue (cuelessConcern): not the sentence that tells a
// meeting, except what an entry says after its head's colon ("Jesmond
// ward, Hartlepool – Monday 4th August: residents were angry about ...").
func (r *run) cueless(c, s string, ms []*meetingCtx) bool {
	if askedRE.MatchString(c) && !strings.ContainsAny(c, "\"“”") {
		// "Do PCSOs work through the night? - No, but ...": a question put
		// at the meeting (a feedback page's question and answer) is what
		// was raised, whoever its grammatical subject is.
		return !negationRE.MatchString(c) && !toldRE.MatchString(c)
	}
	if head, rest, ok := strings.Cut(c, ": "); ok && (meetingNounRE.MatchString(head) || wardEntryRE.MatchString(head) || len(dates.Find(head)) > 0) {
		return cuelessConcern(rest)
	}
	return (c != s || !tellsMeeting(s, ms)) && cuelessConcern(c)
}

// askedRE: a question, as a sentence of its own (what may follow it on
// its line is the answer: "... the night? - No, but ...").
var askedRE = regexp.MustCompile(`^[^?]{8,}\?(?:\s*[-–—:]|\s*$)`)

// titleOfPerson reports whether place mention m names whom someone
// represents ("X ward councillor", "councillor for X", "X's MP").
func titleOfPerson(text string, m gazetteer.Mention) bool {
	after := strings.ToLower(text[m.End:])
	before := strings.ToLower(text[:m.Start])
	return personAfterRE.MatchString(after) || personBeforeRE.MatchString(before)
}

var (
	personAfterRE  = regexp.MustCompile(`^\s*(?:ward\s+)?(?:councillors?|cllrs?|mps?|members?)\b`)
	personBeforeRE = regexp.MustCompile(`\b(?:councillors?|cllrs?|mp|member)\s+for\s+$`)
)

// labelledFields splits a block of labelled fields ("Ward: Hutton Date: 8
// January 2019 Issues: speeding on Hutton Lane") into a header of labels
// and its cells; nil unless it opens with a label, has three labels or
// more, and one is a date's.
func labelledFields(text string) (header, cells []string) {
	locs := fieldLabelRE.FindAllStringSubmatchIndex(text, -1)
	if len(locs) < 3 || strings.TrimSpace(text[:locs[0][0]]) != "" {
		return nil, nil
	}
	date := false
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		label := text[l[2]:l[3]]
		date = date || colKind(label) == "date"
		header = append(header, label)
		cells = append(cells, strings.TrimSpace(text[l[1]:end]))
	}
	if !date {
		return nil, nil
	}
	return header, cells
}

var fieldLabelRE = regexp.MustCompile(`(?i)(?:^|\s)(ward|date|when|venue|location|place|area|meeting|event|issues?(?: raised)?|concerns?(?: raised)?|topics?|summary|notes|action(?: taken)?|outcome|attendance)\s*:\s*`)

// issueNumberRE: a newsletter's issue and its number ("Issue 7",
// "Edition No. 4").
var issueNumberRE = regexp.MustCompile(`(?i)\b(?:issue|edition)\s+(?:no\.?\s*)?[0-9]{1,3}\b`)

// publicationLine reports whether date mention m is the document's
// publication date (a news item's date line under its headline).
func (r *run) publicationLine(m dates.Mention) bool {
	if r.a.Published.IsZero() {
		return false
	}
	sp, _, err := r.a.Resolve(m, false)
	return err == nil && sp.Start.Equal(r.a.Published)
}

// namesMeeting reports whether a heading names a meeting or a ward
// ("Hutton ward meeting – 8 January", "Eston ward"), not a section of the
// report ("2. Ward meetings", "Future meetings").
func namesMeeting(h string) bool {
	if futureHeadRE.MatchString(h) || notConcernHead(h) || concernHeadRE.MatchString(h) {
		return false
	}
	if sectionHeadRE.MatchString(h) || newsHeadRE.MatchString(h) {
		return false
	}
	return meetingNounRE.MatchString(maskGroupOf(h)) || wardEntryRE.MatchString(h)
}

// meetingMonthHead reports whether heading b names one meeting with the
// public and ends, after a comma or dash, on the month and year it was
// held ("Acklam drop-in, May 2017", "Guisborough ward PACT – April 2026"),
// as a "you said, we did" page heads each meeting's section: that meeting,
// in that month. Not the page's own title, not a month without its year
// ("Our January meeting": the day may be told under it), and not a
// heading without a public meeting's noun ("Online survey, Brotton ward –
// December 2025").
func (r *run) meetingMonthHead(b *segment.Block) bool {
	if b.N == 1 || !withPublicRE.MatchString(b.Text) {
		return false
	}
	ds := r.datesOf(b)
	if len(ds) != 1 || !ds[0].IsMonths() || ds[0].EndMonth != 0 || ds[0].Year == 0 || strings.TrimSpace(b.Text[ds[0].End:]) != "" {
		return false
	}
	return closingMonthLeadRE.MatchString(b.Text[:ds[0].Start])
}

// closingMonthLeadRE: the comma or dash before a heading's closing month ("...,
// May 2017", "... – April 2026").
var closingMonthLeadRE = regexp.MustCompile(`(?:,|\s[-–—])\s*$`)

// publicMattersRE: a sub-item's label over what the public raised
// ("b) Matters raised by members of the public / councillors:", "Public
// forum:").
// businessRE: the label of a council's own business in its minutes
// ("121/17 Planning.", "FINANCE", "Payments"), under which what is said of
// parking or traffic is an application's, not a resident's concern.
var businessRE = regexp.MustCompile(`(?i)^\W*(?:planning(?: applications?| matters| consultations?)?|finance|financial matters|accounts|payments(?: list)?|treasurer'?s? report|budget|precept)\b`)

// (and "Members of the public raised the following:", a clerk's "b)
// Public raised: ...")
var publicMattersRE = regexp.MustCompile(`(?i)^\W*(?:[a-z]\)|\([a-z]\)|[0-9.]+)?\s*(?:(?:members of the public|the public|public|residents|parishioners|villagers)\s+(?:then\s+)?raised\b|(?:matters|issues|items|questions|concerns|points)\s+(?:raised\s+)?(?:by|from)\s+(?:members\s+of\s+)?(?:the\s+)?(?:public|residents|parishioners|villagers)|public\s+(?:forum|session|questions|participation)|residents'?’?\s+(?:issues|matters|questions|concerns))\b`)

// postHeaderRE: a social media post's header copied with it, its author,
// then its day ("Thorntree & Brambles Community Group · 17 Jan · 🌎"): when
// it was posted, not a meeting.
var postHeaderRE = regexp.MustCompile(`(?i)^[^·|]{3,80}\s·\s*[0-9]{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+[0-9]{4})?(?:\s+at\s+[0-9:.]+\s*(?:am|pm)?)?\s*(?:·[^·]{0,20})?$`)

// imprintRE: a printed paper's imprint, which names its publisher.
var imprintRE = regexp.MustCompile(`(?i)^\W*(?:printed (?:and|&) )?published by\b`)

// mastheadRE: a newsletter's masthead line, its issue numbered between
// separators ("· Issue 22 ·", "| No. 14 |").
var mastheadRE = regexp.MustCompile(`(?i)[·|•]\s*(?:issue|edition|no\.?|vol\.?|volume|number)\s*[0-9]+\s*(?:[·|•]|$)`)

// issueDatedRE: a newsletter's issue line, its number then the season or
// month it covers ("Issue 12 - Summer 2019 (printed 2 July 2019)", "No. 5,
// March 2023"): the issue's date (or the day it went to print), not a
// meeting's, though the masthead run into it names the ward ("Your
// Grove ward councillors").
//
// The issue's word is capitalised, as a masthead sets it (not "discussed
// issue 3 - March 2019 of the newsletter" in a sentence).
var issueDatedRE = regexp.MustCompile(`\b(?:Issue|ISSUE|Edition|EDITION|No\.|NO\.|Vol\.?|VOL\.?|Volume|VOLUME)\s*[0-9]{1,3}\s*[-–—,:|·]\s*(?i:spring|summer|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)[0-9]{2}\b`)

// headlineQuoteRE: a headline opening on a quotation ("'We don't see a
// bobby from one month to the next' - Dormanstown residents have their
// say"): its words are someone's, not a section's of things to come.
var headlineQuoteRE = regexp.MustCompile(`^\W{0,3}['‘"“].{10,160}?['’"”]\s*[-–—:]`)

// newsHeadRE: a heading naming a post or bulletin ("Ward update", "Ward
// news"), not a meeting.
var newsHeadRE = regexp.MustCompile(`(?i)\b(?:updates?|news|newsletter|bulletin|blog)\b`)

// sectionHeadRE: a heading that names a kind of meeting in the plural or
// in general, a section of the report rather than one meeting.
var sectionHeadRE = regexp.MustCompile(`(?i)\b(?:meetings|surgeries|forums|events|engagement|activity|attended|programme)\b`)

// notConcernHead reports whether a heading or an item's label is the
// police's, the council's or the business's own (notConcernHeadRE), read
// without the name of a group: a residents' group that calls itself an
// action group ("MARTON VILLAGE RESIDENTS' ACTION GROUP" over the notes of
// its meeting, "Grove Hill Community Action Team") is the meeting's title,
// not an "Action" or "Action points" heading, so what residents raised
// under it is still heard.
func notConcernHead(s string) bool {
	return notConcernHeadRE.MatchString(actionGroupRE.ReplaceAllString(s, "group"))
}

// apologiesLineRE: a record's list of apologies given on its own line
// ("Apologies: J. Brown, Mr & Mrs Kay"), taken for a heading when it is
// short: it is the list itself, no heading of a quiet section, so the
// items after it are still heard as the meeting's ("Apologies: P. Ward"
// over "4. Litter Bags of rubbish left by the garages").
var apologiesLineRE = regexp.MustCompile(`(?i)^\W*apologies(?:\s+for\s+absence)?\s*:\s*\S`)

// actionGroupRE: "action" in the name of a group ("Residents' Action
// Group", "Neighbourhood Action Partnership", "Community Action Team").
var actionGroupRE = regexp.MustCompile(`(?i)\baction\s+(?:group|team|partnership|forum|committee|network|alliance)s?\b`)

// quietItem reports whether a numbered item's label, or a paragraph's
// own label, is the police's or an update ("Item 2 - Police report ...",
// "2. POLICE MATTERS ...", "Police Report: ...").
// weDidRE: a paragraph under the label of the police's or council's own
// account ("We did: ...", "Action taken: ...").
var weDidRE = regexp.MustCompile(`(?i)^\W*(?:we did|what we did|we have done|what we have done|we responded|action taken|our response)\s*:`)

func quietItem(text string) bool {
	if label, _, ok := strings.Cut(text, ":"); ok && len(label) <= 30 && notConcernHead(label) {
		return true // "Police Report: PCSO Mark Ballinger was in attendance to give the report. Recorded crimes ..."
	}
	m := itemNumRE.FindStringIndex(text)
	if m == nil {
		return false
	}
	rest := text[m[1]:]
	if matterArisingLabelRE.MatchString(rest) {
		return true
	}
	if len(rest) > 30 {
		rest = rest[:30]
	}
	return notConcernHead(rest)
}

// matterArisingLabelRE: an item labelled for the last minutes and what
// arises from them, a label longer than the 30 characters read above
// ("2. Minutes of the last meeting and matters arising Agreed. The gate
// has been mended."): the follow-up of earlier business, quiet.
var matterArisingLabelRE = regexp.MustCompile(`(?i)^\W*minutes\s+of\s+the\s+(?:last|previous)\s+meeting\s+(?:and|&)\s+matters\s+arising\b`)

// publicPointsRE: a sentence that opens on the points the public raised
// ("Residents present raised: (a) ...; (b) ...").
var publicPointsRE = regexp.MustCompile(`(?i)^\W*(?:the\s+)?(?:residents|members of the public|parishioners|villagers)\s+(?:present\s+|attending\s+)?(?:then\s+)?raised\s*:`)

// (a council's minute number "79/14" too, "FC/22/105" with its committee's
// letters, and a PDF table's rule after it)
var itemNumRE = regexp.MustCompile(`(?i)^\W*(?:item\s+)?(?:(?:[a-z]{1,4}/)?[0-9]{1,3}/[0-9]{2,4}|[0-9]{1,2}[a-z]?)[.)]?\s*(?:[-–—:.|]\s*)?`)

// saidVerbRE: a verb of saying.
var saidVerbRE = regexp.MustCompile(`(?i)\b(?:said|says|added|explained|warned|urged|stressed|promised|pledged|confirmed|insisted)\b`)

// tellsMeeting reports whether s is the sentence that tells one of the
// meetings ms: who came and who spoke there is no concern.
func tellsMeeting(s string, ms []*meetingCtx) bool {
	for _, m := range ms {
		if m.sent == s {
			return true
		}
	}
	return false
}

// quoteAttribRE: a sentence ending on a quotation's attribution put after
// it (""We hear you," said the Chief Inspector.", ""...," she added."),
// the speaker in its group 1 or 2.
var quoteAttribRE = regexp.MustCompile(`(?i)["”]\s*,?\s*(?:(?:said|says|added|adds|explained|continued)\s+([^"“”]{1,80}?)|([^"“”]{1,80}?)\s+(?:said|says|added|adds|explained|continued))\s*[.!]?\s*$`)

// quoteResumed reports whether sentence s, opening on a quotation mark
// with no attribution of its own, resumes the quotation an official's
// attribution closed in the sentence before (prev): ""The bikes are our
// first job," said the Commissioner. "Residents will see more patrols
// on the paths."" The second sentence is still the official's words, not
// the public's, whatever it says residents want.
func quoteResumed(prev, s string) bool {
	t := strings.TrimLeft(s, " ")
	if !strings.HasPrefix(t, `"`) && !strings.HasPrefix(t, "“") {
		return false
	}
	if saidVerbRE.MatchString(quoteRunRE.ReplaceAllString(t, "")) {
		return false // ""Not again," said one mother.": a speaker of its own
	}
	m := quoteAttribRE.FindStringSubmatch(prev)
	if m == nil {
		return false
	}
	who := m[1] + m[2]
	return officialWords.MatchString(who) || officialNameRE.MatchString(who)
}

// quoteRunRE: a quotation, marks and all.
var quoteRunRE = regexp.MustCompile(`"[^"]*"|“[^”]*”`)

// officialSpeaker reports whether s tells an officer, a councillor or the
// Commissioner saying something (its speaker, not the public's).
func officialSpeaker(s string) bool {
	s = impostorRE.ReplaceAllString(s, "someone") // "a phone call from someone claiming to be a police officer": no official speaks
	if officialSaidRE.MatchString(s) {
		return true
	}
	if publicLeadRE.MatchString(s) {
		// "Others were frustrated that they hardly ever see a police
		// officer walking through the estate, and asked where the extra
		// officers promised had gone": the public speaking of officers.
		return false
	}
	if loc := saidVerbRE.FindStringIndex(s); loc != nil && loc[0] <= 160 {
		// "Steve Turner, Cleveland's Police and Crime Commissioner, said
		// ...": the words before the first verb of saying are its subject.
		subj := s[:loc[0]]
		// (the subject is the verb's clause's: "Mr Coppinger went to a
		// PACT meeting in Coulby Newham, where a mother said ..." is the
		// mother speaking)
		for _, sep := range []string{", where ", " where ", ", when ", "; ", ", and ", ", but ", ", while "} {
			if i := strings.LastIndex(subj, sep); i >= 0 {
				subj = subj[i+len(sep):]
			}
		}
		if officialWords.MatchString(subj) || officialNameRE.MatchString(subj) {
			return true
		}
	}
	for _, m := range speakerRE.FindAllStringSubmatch(s, -1) {
		if officialWords.MatchString(m[1]) {
			return true
		}
	}
	if m := quoteRE.FindStringSubmatch(s); m != nil && (officialWords.MatchString(m[1]) || officialNameRE.MatchString(m[1])) {
		return true
	}
	return false
}

// speakerCue reports whether s has someone from the public (not an
// officer, not the PCC's office) saying something: "A dog walker
// described ...".
func speakerCue(s string) bool {
	for _, m := range speakerRE.FindAllStringSubmatch(s, -1) {
		if !officialWords.MatchString(m[1]) {
			return true
		}
	}
	return false
}

// quoteCue reports whether s quotes someone who is not an officer, a
// councillor or the Commissioner ("Jean Walker, who has lived on the
// estate for 30 years, said: \"Every night there are lads on motorbikes
// ...\""): at a meeting, a resident's words.
func quoteCue(s string) bool {
	m := quoteRE.FindStringSubmatch(s)
	return m != nil && !officialWords.MatchString(m[1]) && !officialNameRE.MatchString(m[1])
}

var (
	quoteRE = regexp.MustCompile(`^(.{1,160}?)\b(?:said|says|told (?:the meeting|him|her|us|the commissioner)|added|explained)(?:\s+(?:plainly|bluntly|simply|firmly|frankly|angrily))?(?:\s+that)?:?\s*["“]`)
	// officialNameRE: the Commissioners by name, and councillors.
	officialNameRE = regexp.MustCompile(`(?i)\b(?:coppinger|turner|storey|cllr|councillor|mayor|mp)\b`)
)

// namedResidentRE: a person named by title under a heading of residents'
// issues, saying something ("Mrs K. Ward described the parking ..."): a
// resident (the Commissioner's and officers' names are officialNameRE's).
var namedResidentRE = regexp.MustCompile(`^\W*(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+\s+(?:said|described|asked|complained|raised|reported|told|spoke|mentioned|explained)\b`)

// outsideMarkRE: words that put what a sentence tells outside the
// Cleveland force area: its neighbours and the boundary itself (a village
// the gazetteer does not know may still be in Cleveland, so an unknown
// name alone is not enough).
var outsideMarkRE = regexp.MustCompile(`\b(?:North Yorkshire|County Durham|Durham|Northumberland|Tyne and Wear|Newcastle|Sunderland|Darlington|York|over the (?:county |force )?boundary|outside (?:Cleveland|the force area))\b`)

// outsideMarked reports whether text names a place outside Cleveland
// (outsideMarkRE), not as a street's name ("Durham Road", "York Road" are
// streets of Stockton and Hartlepool).
func outsideMarked(text string) bool {
	for _, loc := range outsideMarkRE.FindAllStringIndex(text, -1) {
		if !isStreet(text[loc[1]:]) {
			return true
		}
	}
	return false
}

// isStreet reports whether the words after a name make it a street's.
func isStreet(after string) bool {
	f := strings.Fields(after)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(strings.Trim(f[0], ",.;:")) {
	case "road", "rd", "street", "st", "lane", "avenue", "way", "drive", "close", "crescent", "terrace", "grove", "place", "square", "walk":
		return true
	}
	return false
}

// labelJoined joins an item's label, a short first sentence naming its
// matter ("Traffic through the village.", "Parking."), to the sentence
// after it: the label and what it heads are one matter ("Traffic through
// the village. Cllr Ward on behalf of residents: vehicles ... far exceeding
// the 30 limit" is speeding, not traffic besides).
func labelJoined(sents []string) []string {
	if len(sents) < 2 || !itemLabelRE.MatchString(sents[0]) {
		return sents
	}
	return append([]string{strings.TrimRight(sents[0], " ") + " " + strings.TrimLeft(sents[1], " ")}, sents[2:]...)
}

// itemLabelRE: a label sentence of one to five words, no verb of telling.
var itemLabelRE = regexp.MustCompile(`^\W*(?:[0-9]+\.\s*)?[A-Z][\w'’-]*(?:\s+[\w'’&-]+){0,4}\.\s*$`)

// attendeesRE: a record's list of who came or sent apologies.
var attendeesRE = regexp.MustCompile(`(?i)^\W*(?:present|apologies(?: for absence)?|in attendance|attendees|also present|attending|those present)\s*:`)

// notOurIssue reports whether sentence i of a paragraph is disowned as
// the meeting's matter: it says it is "not a local issue" or not the
// place's own ("not a Hillside matter"), or the sentence after it says so
// on its own ("Someone's nephew in Leeds had lost money to a text scam.
// (Not a Hillside issue; no action.)"). What the record itself says was
// not its area's concern is not a concern raised there. Not "not a new
// problem" (raised again), nor "not a police matter" (raised, and passed
// to another body).
func notOurIssue(sents []string, i int) bool {
	if notOurIssueRE.MatchString(sents[i]) {
		return true
	}
	return i+1 < len(sents) && notOurIssueRE.MatchString(sents[i+1]) && disownsBeforeRE.MatchString(sents[i+1])
}

var (
	// notOurIssueRE: "not a local issue", "not a Hillside matter",
	// "not an Eston ward problem".
	notOurIssueRE = regexp.MustCompile(`\b(?:[Nn]ot|[Nn]o longer)\s+(?:an?\s+)?(?:(?:local|[A-Z][\w'’&-]*)\s+){1,4}(?:issues?|matters?|problems?|concerns?)\b`)
	// disownsBeforeRE: the disowning sentence stands on its own, about
	// the one before it ("(Not a local issue.)", "This was not a
	// Hillside matter.").
	disownsBeforeRE = regexp.MustCompile(`(?i)^\W*(?:(?:this|that|it|which)\s+(?:was|is|were|are)\s+(?:said\s+to\s+be\s+)?)?(?:not|no longer)\b`)
)

// concerns finds the concerns a block states and links each to its
// meeting: the block's one meeting, or, with several, the one whose place
// the clause names or whose sentence it is in.
func (r *run) concerns(b *segment.Block, text string, ms []*meetingCtx, section *dates.Span) {
	if r.business {
		return // "121/17 Planning. ... Comments: parking concerns to be raised w/ planning officer": the council's business
	}
	if attendeesRE.MatchString(text) {
		return // "Present: Cllr J. Arnott (Chair), PC Dawson, PCSO Heslop, 17 residents": who came, not what they raised
	}
	if r.earlierRaised(b, text, ms) || r.toComeInRecord(b, text, ms) {
		return
	}
	sents := labelJoined(sentences(text))
	var named *meetingCtx // of several meetings, the one a sentence of the paragraph named by its place
	namedAt := 0
	official := r.officialQuoteGoesOn(b, text) // within a quotation an official opened ("The Commissioner said: "It was good ... I have asked ...")
	resident := false                          // within a quotation someone else opened: its "if you ring" is the speaker's
	defer func(quiet bool) { r.quiet = quiet }(r.quiet)
	away := false          // within a meeting told as held outside Cleveland
	var awayTo *meetingCtx // that meeting, where it was emitted (outsideMeeting)
	for i, s := range sents {
		if notOurIssue(sents, i) {
			r.problem(b, "event", clip(s, 120), "a matter the record says is not the place's own issue: not emitted")
			continue
		}
		if len(ms) > 0 && r.meetingOutside(s, r.anchorDay()) && outsideMarked(s) {
			// "b) With colleagues from North Yorkshire Police the team held
			// a surgery at Kirklevington village hall on the 3rd. Quad
			// bike thefts were raised.": a meeting of its own, not
			// emitted (outside Cleveland); what was raised there, up to
			// the next meeting or day the paragraph tells, is not the
			// paragraph's other meeting's.
			awayTo = heldOutside(s, ms)
			if awayTo == nil {
				r.problem(b, "event", clip(s, 120), "told at a meeting outside the Cleveland force area: not emitted")
			}
			away = true
			continue
		}
		if away {
			if len(toldIn(s, ms)) == 0 && len(dates.Find(s)) == 0 {
				if awayTo != nil && len(r.themes(s)) > 0 && !negationRE.MatchString(s) {
					// (the meeting was emitted, with no code: what was
					// raised there is its own)
					r.standalone(b, awayTo, s, "", "", section)
				}
				continue
			}
			away, awayTo = false, nil
		}
		if r.quiet && publicPointsRE.MatchString(s) {
			// "21/44 Police matters / public participation PCSO Fenwick
			// gave the report for June: 4 crimes recorded ... Residents
			// present raised: (a) ...; (b) ...": the police's item ends
			// where the public's points begin, in the same paragraph.
			r.quiet = false
		}
		if len(ms) > 1 {
			var here []*meetingCtx
			for _, m := range ms {
				if namesAny(s, []*meetingCtx{m}) {
					here = append(here, m)
				}
			}
			if len(here) == 0 {
				here = r.meetingsOfVillage(s, ms)
			}
			if len(here) == 1 {
				named, namedAt = here[0], i
			} else if len(here) > 1 {
				named = nil
			}
		}
		if i > 0 && bikesRaceTrack(r.themes(s), s, r.themes(sents[i-1])) {
			continue
		}
		if figuresFromMeetingsRE.MatchString(s) && len(dates.Find(s)) > 0 {
			// "Figures collected from ward meetings across Stockton over
			// the summer show that ...": a finding over a span of its own,
			// not what was raised at the meeting the story told before.
			r.problem(b, "event", clip(s, 120), "figures drawn from meetings over a span of their own: not linked to a meeting, not emitted")
			continue
		}
		if seeParaRE.MatchString(s) || (i == len(sents)-1 && r.seeRunsOn(b, s)) {
			// "Dog fouling was again the commonest complaint at the
			// Stockton meetings (see 2.4)": said again of meetings an
			// earlier paragraph told, whose own concerns count it.
			r.problem(b, "event", clip(s, 120), "refers back to a paragraph of the report, whose events count it: not emitted")
			continue
		}
		if adviceRE.MatchString(s) && !concernCueRE.MatchString(s) {
			// "Residents were asked to note vehicle details and ring 101
			// at the time", "If you see needles, don't touch them": advice
			// given, not a concern raised.
			continue
		}
		if official {
			official = !closesQuote(s)
			continue
		}
		if i > 0 && !resident && quoteResumed(sents[i-1], s) {
			// ""..., " said Mr Coppinger. "Officers now know what people
			// want done."": the official's quotation, resumed.
			official = opensQuote(s)
			continue
		}
		if resident {
			resident = !closesQuote(s)
			if t := strings.TrimLeft(s, " "); !strings.HasPrefix(t, "\"") && !strings.HasPrefix(t, "“") {
				s = "“" + t // (read as the quotation it is inside)
			}
		} else if opensQuote(s) {
			resident = !officialSpeaker(s)
		}
		if officialSpeaker(s) && opensQuote(s) {
			official = true
		}
		if here := toldIn(s, ms); len(here) > 1 {
			if c, ok := sharedLead(s, here); ok {
				// "At the Acklam ward meeting on 3 May and the Kader
				// residents' forum on the 10th, people described ...":
				// the meetings lead the sentence together and its one
				// clause of what was said is each's.
				if len(r.themes(c)) > 0 && !negationRE.MatchString(c) {
					for _, m := range here {
						r.standalone(b, m, c, "", "", section)
					}
				}
				continue
			}
		}
		if here := toldIn(s, ms); len(here) > 1 && (bothRaisedRE.MatchString(s) || r.raisedAtSaid(s) || sharedWardMeetings(s, r.find(s, here[0].span.Start)) != nil) {
			// "Residents at the Park End & Beckfield meeting (21st
			// September) and at North Ormesby's community meeting on the
			// 23rd both raised anti-social behaviour": raised at each, in
			// each meeting's place. ("Off-road motorcycles were the
			// main topic at the Eston and Normanby ward meetings":
			// likewise.)
			c := wardsBlanked(s, r.find(s, here[0].span.Start))
			if len(r.themes(c)) > 0 && !negationRE.MatchString(c) {
				for _, m := range here {
					r.standalone(b, m, c, "", "", section)
				}
			}
			continue
		}
		if askedForMeetingRE.MatchString(s) {
			// "Residents in Marske have asked for a meeting of their own
			// after a spate of car break-ins": what they will raise at a
			// meeting to come, not at this one.
			continue
		}
		parts, owners := bySentenceMeeting(s, ms)
		for pi, c := range parts {
			ms := ms
			if owners != nil {
				ms = []*meetingCtx{owners[pi]}
			}
			if i > 0 && patrolRequestRE.MatchString(c) && slices.Equal(r.themes(c), []string{"visible_policing"}) && len(r.themes(sents[i-1])) > 0 {
				continue // "... catalytic converters had been cut from two vehicles. He asked whether patrols could be increased overnight.": the remedy asked for the matter told, no second concern
			}
			if head, rest, ok := strings.Cut(c, ": "); ok && setByResidentsRE.MatchString(head) && len(r.themes(rest)) > 0 {
				// "The Sergeant reported back on the priorities set by
				// residents at the PACT meeting held in Boosbeck in
				// February: parking outside the school, and motorcycles
				// ...": what residents set there, in the police's words
				if cur, ok := link(head, s, ms); ok {
					r.standalone(b, cur, rest, "", "", section)
				}
				continue
			}
			if loc := meetingBracketRE.FindStringSubmatchIndex(c); loc != nil && len(ms) > 0 && !r.quiet {
				// "he attended the Wheatlands ward meeting in Redcar
				// (speeding on the roads into the estate, and vans parked
				// on pavements)": brackets after a meeting that name
				// themes, and no day or other meeting, are what was
				// raised there, though nothing says "raised".
				if in := c[loc[2]:loc[3]]; len(r.themes(in)) > 0 && len(dates.Find(in)) == 0 && !meetingNounRE.MatchString(in) && cuelessConcern(in) {
					if cur, ok := link(c, s, ms); ok {
						r.standalone(b, cur, in, "", "", section)
					}
					c = c[:loc[2]-1] + c[loc[3]+1:]
				}
			}
			if loc := agreedPrioritiesRE.FindStringIndex(c); loc != nil && len(ms) > 0 && !notMeetingPrioritiesRE.MatchString(c[:loc[1]]) && len(r.themes(c[loc[1]:])) > 0 {
				// "The priorities agreed for the coming month are
				// burglary, speeding and drugs": what the meeting chose
				// for the police to work on (even in the police's item)
				if cur, ok := link(c[:loc[1]], s, ms); ok {
					r.standalone(b, cur, c[loc[1]:], "", "", section)
				}
				continue
			}
			if r.quiet && policeLeadRE.MatchString(c) {
				continue // "57/23 POLICE REPORT ... Officers would carry out speed checks ... and would pass the parking concerns to the council": the police's own account
			}
			if raisedEarlierRE.MatchString(c) {
				continue // "Matters arising: the parking that members raised at the January meeting is with the council": a matter an earlier meeting raised, followed up, not raised again at this one
			}
			if !isConcern(r.membersSaid(c), len(ms) > 0 && !r.quiet) && !(r.topic && !r.quiet && namedResidentRE.MatchString(c) && !officialNameRE.MatchString(c)) && !(r.said && !negationRE.MatchString(c) && !planRE.MatchString(c) && !policeUpdateRE.MatchString(c) && !actionRE.MatchString(c) && !(policeLeadRE.MatchString(c) && toldRE.MatchString(c))) &&
				!((len(ms) > 0 || r.topic) && !r.quiet && r.cueless(c, s, ms)) {
				continue // (under a "You said" heading, what follows is what residents said)
			}
			// "Norton North ward meeting (24th July): residents raised ..."
			// - the concern is what follows the entry's head.
			// (not when the head tells a concern of its own: "People spoke
			// about groups of young people gathering ..., and about damage:
			// windows ... put through")
			// (nor a head that sets priorities "for our neighbourhood
			// officers": the priorities are after its colon, the officers
			// who will work on them no concern of visible policing)
			if head, rest, ok := strings.Cut(c, ": "); ok && (meetingNounRE.MatchString(head) || len(dates.Find(head)) > 0) && (len(r.themes(head)) == 0 || priorityHeadRE.MatchString(head)) && (concernCueRE.MatchString(rest) || subjectCueRE.MatchString(rest) || (len(r.themes(rest)) > 0 && cuelessConcern(rest))) {
				c = rest
			}
			if len(r.themes(c)) == 0 {
				if hint := forumThemes(ms); hint != nil && (concernCueRE.MatchString(c) || subjectCueRE.MatchString(c)) && !negationRE.MatchString(c) {
					// "A meeting with the Hartlepool Domestic Abuse Forum ...
					// Forum members told the Commissioner that victims are
					// waiting too long for cases to come to court": what a
					// forum named for a theme raises is of its theme.
					r.themeHint = hint
					r.standalone(b, ms[0], c, "", "", section)
					r.themeHint = nil
				}
				continue
			}
			action := ""
			if i+1 < len(sents) && actionRE.MatchString(sents[i+1]) && !concernCueRE.MatchString(sents[i+1]) {
				action = sents[i+1]
			}
			if len(ms) > 1 && eachMeetingRE.MatchString(c) {
				// "... was the main subject at both": raised at each.
				for _, m := range ms {
					r.standalone(b, m, c, action, "", section)
				}
				continue
			}
			cur, ok := link(c, s, ms)
			if !ok {
				cur, ok = toldBefore(sents, i, ms)
			}
			if !ok && named != nil && namedAt <= i && !namesAny(s, ms) {
				// "At Jesmond the discussion centred on ... Older residents
				// also told the Commissioner about cold callers": the
				// meeting the paragraph named goes on. (This sentence's
				// own: named by a village in its ward, meetingsOfVillage.)
				cur, ok = named, true
			}
			if !ok {
				r.problem(b, "event", clip(c, 120), "a concern in a paragraph of several meetings that names none of them: not emitted")
				continue
			}
			r.standalone(b, cur, c, action, "", section)
		}
	}
}

// membersSaid is sentence c as judged for a concern: in a residents'
// association's own newsletter, "Members told him about drug dealing from
// a house on the terrace" and "members also contacted the committee about
// ..." are its residents speaking, read as "residents told", "residents
// also contacted". Elsewhere "Members" are a panel's or a council's
// ("Members asked about the budget") and c is read as written.
func (r *run) membersSaid(c string) string {
	if !r.membersPublic {
		return c
	}
	return membersSaidRE.ReplaceAllString(c, "residents$1")
}

var (
	// residentsGroupRE: a residents' or tenants' association or group
	// naming itself ("NEWPORT RESIDENTS' ASSOCIATION", "Hillside
	// Tenants and Residents Group").
	residentsGroupRE = regexp.MustCompile(`(?i)\b(?:residents|tenants)(?:'|’)?\s+(?:and\s+residents(?:'|’)?\s+)?(?:association|group)\b`)
	// groupImprintRE: a residents' or tenants' association saying who it
	// is at the foot of its own newsletter, as an imprint does ("Ashdale
	// Residents' Association is run by volunteers", "The Grove Tenants
	// Group is a member of ..."): the document is the group's own, as one
	// naming the group at its top is, and its "members" are residents.
	// Only a sentence opening with the group's name and telling what it
	// is: a page merely naming a group at its foot ("Contact the Ashdale
	// Residents' Association") is not the group's own.
	groupImprintRE = regexp.MustCompile(`^\W*(?:[Tt]he\s+)?(?:[A-Z][\w'’&-]*\s+){1,4}(?:[Rr]esidents|[Tt]enants)(?:'|’)?\s+(?:(?:and|&)\s+[Rr]esidents(?:'|’)?\s+)?(?:[Aa]ssociation|[Gg]roup)\s+(?:is|was|has been)\s+(?:run|produced|published|written|founded|funded|a|an|the|entirely|independent)\b`)
	// membersSaidRE: "members" (not "members of the panel") as the
	// subject of a verb of telling or raising.
	membersSaidRE = regexp.MustCompile(`\b[Mm]embers(\s+(?:also\s+|then\s+)?(?:told|said|spoke|talked|raised|complained|described|mentioned|reported|contacted|voiced|expressed|shared|wrote|phoned|e-?mailed|asked|pointed out)\b)`)
)

// setByResidentsRE: the police telling what residents set or raised at a
// meeting ("reported back on the priorities set by residents at the PACT
// meeting held in February: ..."): residents' concerns, in the police's
// words.
var setByResidentsRE = regexp.MustCompile(`(?i)\b(?:set|raised|chosen|voted for|put forward)\s+by\s+(?:the\s+)?(?:residents|members of the public|the public|local people)\s+at\b`)

// toldPublicMeeting reports whether block b tells a meeting of its own
// (not the record's, not one told before) whose sentence says residents
// or the public were there.
func (r *run) toldPublicMeeting(b *segment.Block, ms []*meetingCtx) bool {
	for _, m := range ms {
		if !m.sticky && m.ev.Source.Paragraph == b.N && m.span.Precision == dates.Day && residentsRE.MatchString(m.sent) {
			return true
		}
	}
	return false
}

// agreedPrioritiesRE: a meeting's record naming the priorities it agreed
// for the police ("The priorities agreed for the next month are
// burglary, speeding and drugs", "Priorities set at the meeting: ..."):
// residents choosing what the neighbourhood team works on, as a PACT
// does, so each is a concern of that meeting, though the sentence has no
// cue and "priorities" is otherwise the Commissioner's plan (planRE); a
// theme the meeting raised already is one concern (notToldBefore).
var agreedPrioritiesRE = regexp.MustCompile(`(?i)\b(?:new\s+)?priorities\s+(?:agreed|set|chosen|adopted|voted for)\b[^.;:]{0,60}?(?:\b(?:are|were|will be)\s+|:\s+)`)

// notMeetingPrioritiesRE: priorities that are a plan's or a body's own
// ("the priorities set out in the Police and Crime Plan are ..."), not a
// meeting's.
var notMeetingPrioritiesRE = regexp.MustCompile(`(?i)\bset out\b|\bplan\b|\bstrategy\b|\bcommissioner\b|\bforce\b|\bcouncil(?:'s|’s)\b`)

// sentToBodyRE: a letter, reply or e-mail sent to a body whose name is a
// meeting word ("a written reply was sent to the Community Council on 22
// May", "the office wrote to the residents' association on 3 March"):
// correspondence on that day, not a meeting the writer attended.
var sentToBodyRE = regexp.MustCompile(`(?i)\b(?:(?:written\s+)?(?:letters?|repl(?:y|ies)|responses?|answers?|e-?mails?|notes?)\s+(?:was|were|has been|have been|had been|is being)\s+(?:sent|written|forwarded|e-?mailed|posted|given)\s+(?:back\s+)?to|(?:wrote|replied|responded|e-?mailed|sent (?:a|an) (?:letter|reply|response|e-?mail))\s+(?:back\s+)?to)\s+(?:the\s+)?(?:[\w'’&-]+\s+){0,5}?(?:council|association|group|forum|committee|partnership|panel|pact|meeting)\b`)

// visitedListRE: a visit to several places listed after a colon, each
// with its day and "where" what was said there ("He called on three
// wards in May: Westfield on Tuesday 9th, where bins had been set alight,
// and Oakdale on the 23rd, where ..."): a meeting with the people of each,
// as "went to Hemlington, where ..." is one (wentWhereRE).
var visitedListRE = regexp.MustCompile(`\b(?:visited|went to|called on|toured|called in on)\s+(?:two|three|four|five|six|several|[2-9])\s+(?:[\w'’&-]+\s+){0,5}?(?:wards|villages|estates|areas|communities|neighbourhoods|towns)\b[^.;:]{0,60}:\s+[A-Z][^.;:]*?,\s+where\b`)

// wasInRE: someone was in or visited a place ("he was in Thornaby, where
// residents ...").
// wentWhereRE: a visit to a named place "where" something was said ("On
// 16th June the Commissioner went to Hemlington, where the key area
// highlighted was speeding"): a meeting with the people there, when the
// sentence says what they raised.
// The day may stand between the place and "where" ("was in Ingleby
// Barwick last night, where ..."), and so may the residents' meeting the
// visit was for ("was in Hartburn for the Hartburn & Fairfield Road
// residents' association, where ... came up": a long name puts the day
// too far from the association for nounDated). A round of meetings that
// "began in" a place is a visit there ("The series began in Thornaby on 5
// May, where residents raised ...").
// The public's telling may follow a colon instead of "where" ("on Friday
// 9 June he visited Grangetown: people there talked about bins set
// alight"): a report's terse way of the same visit; only the public
// right after the colon, so a colon before a list of the visit's stops or
// the police's own work ("visited Grangetown: the hub, the library ...")
// is none.
// visitWhenRE: a sentence opening on an earlier visit to a place ("When
// the Commissioner last visited Skelton, in March this year, residents'
// main concern had been ...", "When we went to Loftus in May, people
// asked about ..."): the visit is a meeting of its own, on the date the
// sentence gives, not more of the meeting told before it.
var visitWhenRE = regexp.MustCompile(`^\W*When\s+(?:the\s+)?(?:[A-Z][\w'’-]*|he|she|they|we|I)(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:last\s+|first\s+)?(?:visited|went to|was in|came to)\s+(?:[A-Z][\w'’&-]*\s*(?:and\s+|&\s+)?){1,4},?\s+(?:(?:back\s+)?in|on|last)\s`)

var wentWhereRE = regexp.MustCompile(`\b(?:went to|was in|were in|visited|travelled to|headed to|(?:series|round|tour|programme|visits?)\s+(?:began|started|opened|kicked off|got under way)\s+in|spent (?:the|an) (?:evening|afternoon|morning) (?:at|in))\s+(?:neighbouring\s+|nearby\s+|the (?:village|town) of\s+)?(?:(?:the\s+)?[A-Z][\w'’&-]*\s*(?:and\s+|&\s+)?){1,5}(?:(?:last|yesterday|on|this|earlier)\b[\w ]{0,20})?(?:\s*for the\s+(?:[\w'’&-]+\s+){0,5}(?:residents|tenants)(?:'|’)?\s+(?:association|group|meeting|forum))?(?:,?\s+where\b|:\s+(?:the\s+|many\s+|several\s+|some\s+)?(?:residents|people|villagers|tenants|locals|parents|farmers|traders|shopkeepers)\b)`)

// whereGatheredRE: the public gathering at the place visited ("where more
// than sixty residents squeezed into the Community Hub to put their
// questions to him").
var whereGatheredRE = regexp.MustCompile(`(?i)\bwhere\b[^.;]{0,40}?\b(?:residents|people|villagers|tenants|locals|parents)\b[^.;]{0,40}?\b(?:squeezed|packed|crowded|turned (?:out|up)|came along|gathered|put (?:their )?questions)\b`)

// cameToRE: a sentence telling someone came to a place ("when he came
// to Loftus last night", "visited Brotton on Monday").
var cameToRE = regexp.MustCompile(`\b(?:came|come|went|travelled|headed|returned)(?: back| out)? to\s+(?:the\s+)?[A-Z]|\bvisited\s+(?:the\s+)?[A-Z]|\b(?:was|were) in\s+[A-Z]`)

var wasInRE = regexp.MustCompile(`(?i)\b(?:was|were) (?:in|at)\s+(?:the\s+)?(?-i:[A-Z])|\bvisited\s+(?:the\s+)?(?-i:[A-Z])`)

// bothRaisedRE: what the people of several meetings all raised, or
// raised "the same problem" at each ("At ward meetings in Hemlington and in
// Park End, residents raised the same problem: ...").
var bothRaisedRE = regexp.MustCompile(`(?i)\b(?:both|all)\s+(?:raised|spoke about|complained|described|mentioned|reported|talked about|brought up|voiced)\b|\b(?:raised|reported|described|voiced|shared|had)\s+the\s+same\s+(?:problem|concern|issue|complaint|worry)s?\b`)

// sharedLeadRE: a sentence that opens with its meetings ("At the X
// meeting on 3 May and the Y forum a week later, on the 10th, residents
// described ..."): "At the" first, then, after a comma, the public telling
// what they raised, whose clause (group 1 starts it) is said of every
// meeting named before it.
var sharedLeadRE = regexp.MustCompile(`(?i)^\W*At\s+(?:both\s+)?the\b[^.;:]*,\s+((?:residents|people|villagers|tenants|parents|traders|those (?:present|attending|there)|attendees)\s+(?:also\s+|again\s+|both\s+|all\s+)?(?:described|raised|complained|reported|spoke (?:of|about)|talked about|told|mentioned|voiced|asked (?:about|for|why|whether))\b)`)

// leadClauseRE: a clause of its own inside sharedLead's lead ("At the X
// meeting residents were told about the new team, and at the Y meeting,
// people described ..."): the lead then tells its first meeting on its
// own, and the last clause is the last meeting's.
var leadClauseRE = regexp.MustCompile(`(?i)\b(?:was|were|is|are|had|has|have|did|said|told|raised|complained|described|spoke|heard|asked|agreed|discussed|attended|met|joined|went|residents|people|they|we|he|she)\b`)

// sharedLead is the clause of s said of each of its meetings here when s
// opens with them joined by "and" before the public's telling
// (sharedLeadRE): every meeting's place is named before the clause, none
// after it, so the clause is none's in particular.
func sharedLead(s string, here []*meetingCtx) (string, bool) {
	m := sharedLeadRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", false
	}
	lead, clause := s[:m[2]], s[m[2]:]
	if !strings.Contains(lead, " and ") || leadClauseRE.MatchString(lead) {
		return "", false
	}
	for _, mc := range here {
		if mc.name == "" || !strings.Contains(lead, mc.name) || strings.Contains(clause, mc.name) {
			return "", false
		}
	}
	return clause, true
}

// toldIn are the meetings ms told in sentence s.
func toldIn(s string, ms []*meetingCtx) []*meetingCtx {
	var out []*meetingCtx
	for _, m := range ms {
		if m.sent == s {
			out = append(out, m)
		}
	}
	return out
}

// toldBefore is the meeting a paragraph told last before its sentence i,
// when it tells its meetings one sentence each ("On Tuesday 7th September
// he attended the Throston ward meeting. Those present were worried about
// ... Two days later he was at the Rossmere ward meeting, where ..."): a
// sentence naming none goes on with the one before it.
func toldBefore(sents []string, i int, ms []*meetingCtx) (*meetingCtx, bool) {
	at := make([]int, len(ms))
	for k, m := range ms {
		at[k] = slices.Index(sents, m.sent)
		if at[k] < 0 || slices.Contains(at[:k], at[k]) {
			return nil, false // told elsewhere, or two in one sentence
		}
	}
	best := -1
	for k := range ms {
		if at[k] < i && (best < 0 || at[k] > at[best]) {
			best = k
		}
	}
	if best < 0 {
		return nil, false
	}
	return ms[best], true
}

// bySentenceMeeting splits a sentence that tells several meetings in turn
// ("the Loftus ward meeting on 30 August, where doorstep scams were the
// main topic, and the Brotton ward meeting on 6 September, at which
// residents spoke about heavy lorries") into one part per meeting, from
// where it names the meeting to where it names the next; each part's
// concerns are that meeting's. Otherwise (one meeting, or the meetings not
// named in order) the parts are the sentence's clauses and owners is nil.
func bySentenceMeeting(s string, ms []*meetingCtx) (parts []string, owners []*meetingCtx) {
	var here []*meetingCtx
	for _, m := range ms {
		if m.sent == s && m.name != "" {
			here = append(here, m)
		}
	}
	if len(here) < 2 {
		return namedInOrder(s, ms)
	}
	pos := make([]int, len(here))
	for i, m := range here {
		from := 0
		if i > 0 {
			from = pos[i-1] + 1
		}
		j := strings.Index(s[from:], m.name)
		if j < 0 {
			return clauses(s), nil
		}
		pos[i] = from + j
	}
	for i := range here {
		start, end := pos[i], len(s)
		if i == 0 {
			start = 0
		}
		if i+1 < len(here) {
			end = pos[i+1]
		}
		parts = append(parts, s[start:end])
		owners = append(owners, here[i])
	}
	return parts, owners
}

// namedInOrder parts a sentence that names two or more of the meetings
// told before it, each part from one name to the next ("Farmers at the
// Belmont meeting described hare coursing, while at Wheatlands people
// wanted to know about tools stolen from vans"); otherwise its clauses.
func namedInOrder(s string, ms []*meetingCtx) (parts []string, owners []*meetingCtx) {
	type at struct {
		m   *meetingCtx
		pos int
	}
	var found []at
	for _, m := range ms {
		if m.name == "" {
			continue
		}
		j := strings.Index(s, m.name)
		if j < 0 {
			continue
		}
		for _, f := range found {
			if f.pos == j || f.m.name == m.name {
				return clauses(s), nil // one name for two meetings: no telling
			}
		}
		found = append(found, at{m, j})
	}
	if len(found) < 2 {
		return clauses(s), nil
	}
	slices.SortFunc(found, func(a, b at) int { return a.pos - b.pos })
	for i, f := range found {
		start, end := f.pos, len(s)
		if i == 0 {
			start = 0
		}
		if i+1 < len(found) {
			end = found[i+1].pos
		}
		parts = append(parts, s[start:end])
		owners = append(owners, f.m)
	}
	return parts, owners
}

// countedRE: a sentence counting the writer's meetings by their order
// ("It was the third Hartlepool meeting the Commissioner has attended this
// month", "That made it her second residents' meeting of the week"): it
// tells how many of the meetings around it there were, not one more, so
// with no day of its own it is no meeting (its month or week is the
// count's). From "second" on: "It was the first meeting of the new
// Belmont ward" may be one of its own, and a day written in it ("This
// was the second PACT of the year, held on 4 May") is left to the rules.
var countedRE = regexp.MustCompile(`(?i)^\W*(?:it|this|that)\s+(?:was|is|were|made it|makes it)\s+(?:(?:his|her|their|my|our|the|its)\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[2-9](?:nd|rd|th))\s+(?:[\w'’&-]+\s+){0,4}?(?:meeting|forum|surgery|surgeries|meetings|pact|drop-in|walkabout|visit)s?\b`)

// ordinalRefRE: a meeting named by its place in the paragraph's order
// ("at the first of these", "at the second", "the latter").
var firstOfRE = regexp.MustCompile(`(?i)^\w+ the \w+\s+(?:meeting|surgery|session) of\b`)

// ordinalSpanRE: a length of time after the ordinal ("two cars set alight
// in the last month", "in the first week of the month", "for the last
// few years"): no meeting named by its order.
var ordinalSpanRE = regexp.MustCompile(`(?i)^\s+(?:few\s+|couple\s+of\s+|two\s+|three\s+|six\s+|twelve\s+)?(?:months?|weeks?|years?|days?|nights?|fortnight|decade|quarter|half|hours?|minutes?|time)\b`)

var ordinalRefRE = regexp.MustCompile(`(?i)\b(?:at|in|for|during) the (first|second|third|former|latter|last)\b(?:\s+(?:of (?:these|them|those|the two|the three)|meeting|one|surgery|session))?(?:[ ,.;]|$)`)

// ownSpan is the span of months a concern in a meeting's record tells of
// itself, before the meeting ("Over the winter, from roughly the beginning
// of November to the end of February, a number of members had reported
// sheds being forced", in the chairman's report to an AGM in March): what
// residents reported over those months, not what they raised at the
// meeting.
func (r *run) ownSpan(b *segment.Block, text string, cur *meetingCtx) (dates.Span, bool) {
	if sp, ok := r.sinceSpan(b, text); ok {
		return sp, true
	}
	ds := dated(dates.Find(text))
	if !cur.sticky {
		// "A couple of residents also emailed me last week about cars
		// parked right across the pavement", after a blog's account of
		// last night's meeting: last week's, not the meeting's
		if len(ds) == 1 && ds[0].RelWeek == "last" && !complainedOfBefore(text, ds[0].Start) {
			if sp, ok := r.resolveSpan(b, ds[0], false); ok && sp.End.Before(cur.span.Start) {
				return sp, true
			}
		}
		if len(ds) == 1 && ds[0].Day == 0 && ds[0].Month != 0 && ds[0].RelMonth == "" && ds[0].RelWeek == "" && ds[0].EndMonth == 0 && monthOwnRE.MatchString(ds[0].Text) && contactedRE.MatchString(text) {
			// "On another subject, all through March my inbox was full
			// of people worried about doorstep callers", after a blog's
			// account of an April meeting: the writer's letters over
			// March, the month's, not the meeting's (as for minutes,
			// below; a month already over when the meeting sat).
			if sp, ok := r.resolveSpan(b, ds[0], false); ok && sp.End.Before(cur.span.Start) {
				return sp, true
			}
		}
		return dates.Span{}, false
	}
	if len(ds) != 1 || ds[0].Day != 0 || ds[0].Month == 0 || ds[0].RelMonth != "" || ds[0].RelWeek != "" {
		return dates.Span{}, false
	}
	if ds[0].EndMonth == 0 && !(monthOwnRE.MatchString(ds[0].Text) && contactedRE.MatchString(text)) {
		return dates.Span{}, false // (a month alone only when it is when people got in touch: "during January several residents had phoned her about a man going door to door"; "oil stolen during February", told at the March meeting, was raised there)
	}
	sp, ok := r.resolveSpan(b, ds[0], false)
	if !ok || !sp.End.Before(cur.span.Start) {
		return dates.Span{}, false
	}
	return sp, true
}

// otherWardEarlier reports whether a concern told after meeting cur, and
// placed in another ward than cur's, says it was raised "last month" or
// "last week" (a relative month or week of its own that was over before
// the meeting sat): "The round began last month: in Newtown on the 9th
// residents raised thefts from vans", after this week's meeting in
// Oldfield, is Newtown's of last month, not Oldfield's on the meeting's
// day. (Not a concern of cur's own ward, "last month's thefts came up
// again", still raised at the meeting; nor one with no earlier time.)
func (r *run) otherWardEarlier(b *segment.Block, text string, cur *meetingCtx, res *gazetteer.Resolution) bool {
	if cur == nil || cur.sticky || cur.place == nil || res == nil || res.WardCode == "" || cur.place.WardCode == "" || res.WardCode == cur.place.WardCode {
		return false
	}
	if k := strings.Index(b.Text, text); k >= 0 {
		// (the whole sentence: a clause after "began last month:" is
		// judged with the time its sentence gave it)
		text = sentenceAt(b.Text, k)
	}
	for _, d := range dates.Find(text) {
		if d.RelMonth != "last" && d.RelWeek != "last" {
			continue
		}
		if sp, ok := r.resolveSpan(b, d, false); ok && sp.End.Before(cur.span.Start) {
			return true
		}
	}
	return false
}

// complainedOfRE: what people complained about or spoke of ("Others
// complained about a run of break-ins at the allotments last week"): a
// date after it is when the thing complained of happened, not when it was
// told, so the concern is still the meeting's, where it was raised (unlike
// "a resident emailed me last week about litter", dated before "about").
var complainedOfRE = regexp.MustCompile(`(?i)\b(?:complained|complaining|moaned|grumbled|spoke|talked|told\s+(?:the\s+)?(?:meeting|officers|police|councillors))\s+(?:bitterly\s+|angrily\s+)?(?:about|of|over)\b`)

// complainedOfBefore reports whether complainedOfRE matches text before at.
func complainedOfBefore(text string, at int) bool {
	loc := complainedOfRE.FindStringIndex(text)
	return loc != nil && loc[1] <= at
}

// eventToldRE: a paragraph telling an event with the public (a stall, a
// drop-in, people stopping to talk).
var eventToldRE = regexp.MustCompile(`(?i)\b(?:stall|stand|gazebo|drop-in|pop-up|street surgery|walkabout|the event|this event|the session)\b|\b(?:people|residents|visitors|families|locals)\b[^.]{0,40}?\b(?:stopped|came|dropped in|turned (?:up|out)|spoke|talked|chatted)\b`)

// placeDayHead reports whether heading b is a place and a day and nothing
// else ("South Bank – Thursday 17 June", "Grangetown: 24 June 2021").
func (r *run) placeDayHead(b *segment.Block) bool {
	if len(b.Text) > 60 {
		return false
	}
	_, place, ok := dayAndPlace(b.Text, r.datesOf(b), false)
	at := r.anchorDay()
	return ok && !at.IsZero() && r.opensWithPlace(titleCase(place), at)
}

// dayAndPlace splits text that is one day and a few words besides ("South
// Bank – Thursday 17 June"; with dayFirst, only "Tuesday 7th June – Park
// End & Beckfield") into the day and those words.
func dayAndPlace(text string, ds []dates.Mention, dayFirst bool) (dates.Mention, string, bool) {
	if len(ds) != 1 || !ds[0].IsDay() || (dayFirst && strings.TrimSpace(text[:ds[0].Start]) != "") {
		return dates.Mention{}, "", false
	}
	place := strings.Trim(text[:ds[0].Start]+" "+text[ds[0].End:], " \t–—-:,|()*#")
	if place == "" || len(strings.Fields(place)) > 6 {
		return dates.Mention{}, "", false
	}
	return ds[0], place, true
}

// opensWithPlace reports whether the gazetteer finds a place at the start
// of s (a ward, a town, "Manor House ward, Hartlepool").
func (r *run) opensWithPlace(s string, at time.Time) bool {
	ms := r.find(s, at)
	return len(ms) > 0 && ms[0].Start == 0
}

// numberCellRE: a cell holding only a paragraph's number ("2.2", "4.").
var numberCellRE = regexp.MustCompile(`^\s*[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}\.?\s*$`)

// placeDayRE: a head that is a place and its day in brackets at its end
// ("Belmont, Guisborough (8 June)").
var placeDayRE = regexp.MustCompile(`^[^()]{3,60}\((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:\s+[0-9]{4})?\)$`)

// placeCommaDayRE: a head that is a place, a comma and its day at its end
// ("Greatham, Saturday 5th February").
var placeCommaDayRE = regexp.MustCompile(`(?i)^[^,()]{3,40},\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:\s+[0-9]{4})?$`)

// dayPlaceLeadRE: a paragraph's head, up to its first full stop or colon.
var dayPlaceLeadRE = regexp.MustCompile(`^([^.:]{6,80})[.:]\s+\S`)

// dayPlaceLead is the head of an entry that opens with a day and a place
// and nothing else ("Tuesday 7th June – Park End & Beckfield. Around forty
// people came ...") when the rest tells the public there or what they
// raised; "" if the paragraph opens otherwise.
func (r *run) dayPlaceLead(b *segment.Block, text string) string {
	if loc := itemLeadRE.FindStringIndex(text); loc != nil {
		text = text[loc[1]:] // ("2.1 Belmont, Guisborough (8 June). ...")
	}
	m := dayPlaceLeadRE.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	head, rest := m[1], text[len(m[1])+1:]
	d, place, ok := dayAndPlace(head, dated(dates.Find(head)), true)
	if !ok && placeDayRE.MatchString(head) {
		// "Belmont, Guisborough (8 June). The first meeting back ...":
		// the place, then its day in brackets
		d, place, ok = dayAndPlace(head, dated(dates.Find(head)), false)
	}
	if !ok && placeCommaDayRE.MatchString(head) {
		// "Greatham, Saturday 5th February. Two older residents had had
		// calls ...": the place, a comma, then its day
		d, place, ok = dayAndPlace(head, dated(dates.Find(head)), false)
	}
	if !ok {
		return ""
	}
	sp, ok := r.resolveSpan(b, d, false)
	if !ok || r.afterAnchor(sp) || !r.opensWithPlace(place, sp.Start) {
		return ""
	}
	if !(eventToldRE.MatchString(rest) || concernCueRE.MatchString(rest) || subjectCueRE.MatchString(rest)) {
		return ""
	}
	return head
}

// sinceSpan is the stretch a concern opening "Since April" or "Since the
// new year" tells of people getting in touch ("Since April residents of
// the ward have been writing to the Commissioner's office about ...", "we
// have had more complaints about ..."): from then to the publication
// date, no meeting's, though the paragraph before told one.
func (r *run) sinceSpan(b *segment.Block, text string) (dates.Span, bool) {
	m := sinceOpenRE.FindStringSubmatch(text)
	if m == nil || r.a.Published.IsZero() || !(contactedRE.MatchString(text) || lettersRE.MatchString(text)) {
		return dates.Span{}, false
	}
	pub := r.a.Published
	from := time.Date(pub.Year(), time.January, 1, 0, 0, 0, 0, time.UTC) // the new year
	if m[1] == "" {
		ds := dates.Find(text)
		if len(ds) == 0 || !ds[0].IsMonths() || ds[0].EndMonth != 0 {
			return dates.Span{}, false
		}
		sp, ok := r.resolveSpan(b, ds[0], false)
		if !ok {
			return dates.Span{}, false
		}
		from = sp.Start
	}
	if !from.Before(pub) {
		return dates.Span{}, false
	}
	return dates.Span{Start: from, End: pub, Precision: dates.Period}, true
}

// sinceOpenRE: a clause opening on "since" and the new year (group 1) or
// a month. A writer often says where in it the stretch began ("Since the
// start of May people on the estate have been reporting ...", "since the
// beginning of the year"): the start of a month is that month's first day
// (the stretch runs from it), the start of the year the new year. ("Since
// the end of May" or "since mid-May" gives no first day: not read.) The
// clause may be what someone reported ("Councillor Hale told the committee
// that since March tenants had been ringing her about ...": the "since"
// still opens what was reported, and the people got in touch over that
// stretch, not at a meeting). A word setting it apart from the story
// before may open it ("Separately, since March ...", otherTimeRE).
var sinceOpenRE = regexp.MustCompile(`(?i)^\W*(?:(?:separately|meanwhile|in a separate (?:matter|development)),?\s+)?(?:[^.;:"“]{0,80}?\b(?:reported|said|told|explained|noted|added|advised|informed|stated)\b(?:\s+(?:the\s+)?(?:committee|members|meeting|panel|forum|board))?\s+that\s+)?since\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:(the new year|new year|the year|this year)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)`)

// sinceMonth reports whether a month mention (its text, and the text
// before it) is "since <month>" or "since the start of <month>": a stretch
// from its first day. ("Since the end of September" gives no first day.)
func sinceMonth(before, mention string) bool {
	if rest := sinceWordRE.ReplaceAllString(mention, ""); rest != mention {
		return fromMonthRE.MatchString(rest) // (the mention carries its "since")
	}
	return sinceBeforeRE.MatchString(before) && fromMonthRE.MatchString(mention)
}

var (
	sinceBeforeRE = regexp.MustCompile(`(?i)\bsince\s+$`)
	sinceWordRE   = regexp.MustCompile(`(?i)^since\s`)
	fromMonthRE   = regexp.MustCompile(`(?i)^(?:the\s+(?:start|beginning)\s+of\s+)?[a-z]+\.?$`)
)

// lettersRE: people writing or complaining over a stretch ("have been
// writing to", "we have had more complaints", "the office has had a
// steady stream of messages", "the office has received repeated
// complaints"; reported, "had been ringing her").
var lettersRE = regexp.MustCompile(`(?i)\b(?:have|has|had) (?:also |still )?been (?:writing|contacting|complaining|ringing|phoning|e-?mailing|reporting)\b|\b(?:have|has) (?:also )?(?:had|received) (?:more |many |several |repeated |regular |a number of |lots of |a (?:steady |constant )?(?:stream|flood) of )?(?:complaints|calls|letters|e-?mails|reports|messages)\b`)

// contactedRE: people getting in touch outside a meeting.
// ("has come up again and again in my inbox": in the writer's inbox,
// postbag or mailbag, that is in letters, not at a meeting. So is the
// inbox or postbag itself told as full of them: "all through March our
// postbag was full of complaints about parking", "my inbox has been
// flooded with messages about fly-tipping": the writer's letters over
// that month, not what a meeting told after them heard.)
var contactedRE = regexp.MustCompile(`(?i)\b(?:phoned|rang|telephoned|e-?mailed|emailed|messaged|written to|wrote to|contacted|got in touch)\b|\b(?:in|into) (?:my|our) (?:inbox|postbag|post bag|mailbag|mail bag)\b|` + mailboxFullRE)

// mailboxFullRE: the writer's inbox, postbag or mailbag told as full of
// what people sent ("my inbox was full of", "our postbag has been
// flooded with"). (Not "the inbox is open to everyone": no fullness.)
const mailboxFullRE = `\b(?:my|our|the office's) (?:inbox|postbag|post bag|mailbag|mail bag) (?:was|were|is|has been|had been|have been) (?:absolutely |completely )?(?:full|filled|flooded|overflowing|bursting|inundated)\b`

// monthOwnRE: a month told as the span of what happened ("during
// January", "throughout March").
var monthOwnRE = regexp.MustCompile(`(?i)^(?:during|throughout|all through)\s`)

// link picks the meeting a concern clause belongs to.
func link(clause, sent string, ms []*meetingCtx) (*meetingCtx, bool) {
	switch len(ms) {
	case 0:
		return nil, true
	case 1:
		return ms[0], true
	}
	if m := ordinalRefRE.FindStringSubmatchIndex(clause); m != nil && !firstOfRE.MatchString(clause[m[0]:]) && !ordinalSpanRE.MatchString(clause[m[3]:]) {
		// ("for the first meeting of the new Wheatlands ward" is that
		// ward's first meeting ever, not the first told)
		m := []string{clause[m[0]:m[1]], clause[m[2]:m[3]]}
		// "At the first of these, ...", "... was the topic at the
		// second": the meetings in the order the paragraph told them.
		var i int
		switch strings.ToLower(m[1]) {
		case "first", "former":
			i = 0
		case "second":
			i = 1
		case "third":
			i = 2
		case "latter", "last":
			i = len(ms) - 1
		}
		if (strings.EqualFold(m[1], "former") || strings.EqualFold(m[1], "latter")) && len(ms) != 2 {
			return nil, false
		}
		if i < len(ms) {
			return ms[i], true
		}
		return nil, false
	}
	var named []*meetingCtx
	for _, m := range ms {
		if m.name != "" && strings.Contains(clause, m.name) {
			named = append(named, m)
		}
	}
	if len(named) == 1 {
		return named[0], true
	}
	var same []*meetingCtx
	for _, m := range ms {
		if m.sent == sent {
			same = append(same, m)
		}
	}
	if len(same) == 1 {
		return same[0], true
	}
	return nil, false
}

// reportsSeasonRE: a season the public's reports came in over, written
// with no year ("Over the summer lots of you told us about ...",
// "all through the winter residents have been telling us ...").
var reportsSeasonRE = regexp.MustCompile(`(?i)\b(?:over|during|throughout|through|across)\s+(?:the\s+)?(?:whole\s+|entire\s+)?(spring|summer|autumn|winter)(?:\s+months)?\b`)

// reportsSeasonSpan: reports received over a season with no year written,
// told with a cue of the public's reports over a stretch
// (beenTellingUsRE), are a concern of the last such season ended before
// the document ("Over the summer lots of you told us about quad bikes on
// the dunes" in an October newsletter: June to August of that year). The
// seasons are the calendar's quarters (spring March to May, summer June
// to August, autumn September to November, winter December to February).
// Not a season the document is still in ("over the summer" in a July
// newsletter), and not without the cue ("Over the summer we held three
// surgeries"), nor with any other date in the sentence.
func (r *run) reportsSeasonSpan(text string) (dates.Span, bool) {
	if r.a.Published.IsZero() || !beenTellingUsRE.MatchString(text) || len(dates.Find(text)) > 0 {
		return dates.Span{}, false
	}
	m := reportsSeasonRE.FindStringSubmatch(text)
	if m == nil {
		return dates.Span{}, false
	}
	first := map[string]time.Month{"spring": time.March, "summer": time.June, "autumn": time.September, "winter": time.December}[strings.ToLower(m[1])]
	pub := r.a.Published
	for y := pub.Year(); y >= pub.Year()-1; y-- {
		start := time.Date(y, first, 1, 0, 0, 0, 0, time.UTC)
		end := start.AddDate(0, 3, -1)
		if !pub.Before(start) && !pub.After(end) {
			return dates.Span{}, false // the season the document is in
		}
		if end.Before(pub) {
			return dates.Span{Start: start, End: end, Precision: dates.Period}, true
		}
	}
	return dates.Span{}, false
}

// measuresLeadRE: a list's lead-in announcing what the police, the council
// or the office are doing ("implementing a number of measures including:",
// "Actions taken:", "What we are doing:").
var measuresLeadRE = regexp.MustCompile(`(?i)\b(?:measures|steps|actions? (?:taken|agreed)|what (?:we|the police|officers|the council) (?:are|have been|were) doing|(?:is|are|were|was|has been|have been) (?:implementing|introducing|putting in place|rolling out))\b`)

// measuresLead reports whether a list's lead-in announces measures taken,
// and names no concern raised (so its items are actions).
func measuresLead(leadIn string) bool {
	return measuresLeadRE.MatchString(leadIn) && !concernCueRE.MatchString(leadIn) && !subjectCueRE.MatchString(leadIn)
}

// bullet reads a list item under a meeting or a lead-in such as "Residents
// raised the following concerns:" as a concern when it has a theme and
// either states a concern itself or the lead-in introduces concerns.
func (r *run) bullet(b *segment.Block, text string, cur *meetingCtx, leadIn string, section *dates.Span) {
	if cur != nil && len(sentences(text)) > 1 {
		// A numbered item of minutes with several sentences ("2. POLICE
		// MATTERS PC Field gave the crime figures. Members raised concerns
		// about ..."): each sentence is judged, as a paragraph's are.
		r.concerns(b, text, []*meetingCtx{cur}, section)
		return
	}
	if negationRE.MatchString(text) || policeUpdateRE.MatchString(text) || planRE.MatchString(text) || len(r.themes(text)) == 0 {
		return
	}
	if cur != nil && (r.earlierRaised(b, text, []*meetingCtx{cur}) || r.toComeInRecord(b, text, []*meetingCtx{cur})) {
		return
	}
	if measuresLead(leadIn) && !isConcern(text, false) {
		// "Cleveland Police were ... implementing a number of measures
		// including:" then "Holding daily anti-social behaviour
		// reviews;": the police's measures, not what residents raised.
		return
	}
	if !isConcern(text, false) && !(leadIn != "" && (concernCueRE.MatchString(leadIn) || subjectCueRE.MatchString(leadIn) || topicCueRE.MatchString(leadIn))) &&
		!(cur != nil && !r.quiet && cuelessConcern(text)) {
		return
	}
	r.standalone(b, cur, text, "", leadIn, section)
}

// standalone emits a concern: its date is its meeting's, else one written
// in its sentence (or its list's lead-in), else its section's or the
// report's period; its place is a ward named in it, else its meeting's,
// else the places it names (one concern each), else the lead-in's, the
// title's or the document's.
//
// Outside a meeting the day must be in the concern's own sentence (or the
// lead-in of its list): "Police seized drugs on 3 May. Residents had
// complained about dealing." does not say residents complained on 3 May.
func (r *run) standalone(b *segment.Block, cur *meetingCtx, text, action, leadIn string, section *dates.Span) {
	if loc := officialReplyRE.FindStringIndex(text); loc != nil && loc[0] > 0 {
		// "... asked what was being done to protect teenagers from being
		// groomed, and the Commissioner outlined the work of the
		// multi-agency group": the reply is no part of what was raised.
		text = text[:loc[0]] + "."
	}
	for _, re := range []*regexp.Regexp{policeReplyDashRE, minuteActionRE} {
		// "Drug dealing by the park - PCSO asked people to ring 101", "-
		// Members raised lads gathering outside the shops at night, Amy
		// to increase patrols.": the police's reply, or the action
		// minuted, ending the item. (Not when another sentence follows
		// it: an item that goes on, "... - PCSO said there is no change.
		// Several people said they never see anyone", is judged whole.)
		if loc := re.FindStringIndex(text); loc != nil && len(r.themes(text[:loc[0]])) > 0 && !sentenceEndRE.MatchString(text[loc[1]:]) {
			text = text[:loc[0]] + "."
		}
	}
	var sp dates.Span
	switch {
	case cur != nil:
		sp = cur.span
	default:
		if since, ok := r.sinceSpan(b, text); ok {
			sp = since
			break
		}
		ds := dated(dates.Find(text))
		if len(ds) == 0 && leadIn != "" {
			ds = dated(dates.Find(leadIn))
		}
		if loc := sentToBodyRE.FindStringIndex(text); loc != nil && len(ds) > 0 && ds[0].Start > loc[0] {
			// "Concerns raised at Northfield have been passed on, and a
			// reply was sent to the residents' association on 4 May": the
			// day the letter went, not the day the concern was raised.
			r.problem(b, "date", clip(text, 120), "the concern's only day is a letter's to the body that raised it: not emitted")
			return
		}
		if len(ds) > 0 && allToday(dates.Days(ds)) && len(dates.Days(ds)) == len(ds) && quotedMentions(text, 0, ds) && (officialSpeaker(text) || officialAfterQuote(text)) {
			// An official's "today" inside their own quotation ("I
			// have seen today how much the speeding worries people
			// here," the Sergeant said): the day they spoke, looking
			// back on what a meeting heard, not a concern raised on the
			// day the item was published.
			r.problem(b, "date", clip(text, 120), "an official's quoted \"today\": the day they spoke, not a concern's: not emitted")
			return
		}
		if len(ds) > 0 {
			var ok bool
			if sp, ok = r.resolveSpan(b, ds[0], false); !ok {
				return
			}
			if r.afterAnchor(sp) {
				return // not raised yet when the document was written
			}
			if ds[0].IsMonths() && ds[0].EndMonth == 0 && sinceMonth(text[:ds[0].Start], ds[0].Text) {
				// "shop theft in the town centre has risen every month
				// since January": the stretch from that month to the
				// document, not the month alone (sinceSpan reads only a
				// clause that opens on "since" and says people got in
				// touch).
				if r.a.Published.IsZero() || !sp.Start.Before(r.a.Published) {
					return
				}
				sp = dates.Span{Start: sp.Start, End: r.a.Published, Precision: dates.Period}
			}
			break
		}
		if season, ok := r.reportsSeasonSpan(text); ok {
			sp = season
			break
		}
		var ok bool
		if sp, ok = r.undatedSpan(section); !ok {
			r.problem(b, "date", clip(text, 120), "a concern with no day in its sentence or a meeting to take it from: not emitted")
			return
		}
		if mc := r.heldAtOpening(text, sp); mc != nil {
			r.concern(b, mc, text, action, *mc.place, mc.span)
			return
		}
	}
	if cur != nil {
		own, ok := r.ownSpan(b, text, cur)
		at := cur
		if ok {
			sp = own
			if len(r.find(text, sp.Start)) > 0 {
				// "Since July, residents across Billingham have
				// contacted the office about ...", after a meeting in
				// Linthorpe: a concern of its own span that names its
				// own place is there, not at the meeting told before.
				at = nil
			}
		}
		res := r.concernPlace(b, text, at, sp.Start, "")
		if res == nil {
			return
		}
		if !ok && r.otherWardEarlier(b, text, cur, res) {
			r.problem(b, "date", clip(text, 120), "a concern of another ward told with an earlier month or week of its own after a meeting: not that meeting's day: not emitted")
			return
		}
		if ok {
			// (not the meeting's concern: the record tells it of its span)
			r.concern(b, nil, text, action, *res, sp)
			return
		}
		r.concern(b, cur, text, action, *res, sp)
		return
	}
	// "concerns about county lines were raised in Middlesbrough and in
	// Stockton": one concern per place named (per ward when it names
	// wards).
	ms := r.find(text, sp.Start)
	var wards, others []gazetteer.Mention
	for _, m := range ms {
		if m.Kind == "ward" {
			wards = append(wards, m)
		} else {
			others = append(others, m)
		}
	}
	if len(wards) == 0 && len(r.secPlaces) > 0 {
		// Under a heading naming the ward ("**Newtown ward**"), or "All
		// three wards" (each of them), the concern that names no ward of
		// its own is the heading's.
		for _, p := range r.secPlaces {
			r.concern(b, nil, text, action, p, sp)
		}
		return
	}
	if len(wards) > 1 && cur == nil {
		if parts := wardMeetingClauses(text, ms); len(parts) == len(wards) {
			// "At the Headland & Harbour meeting people were unhappy about
			// litter ..., and at the Rossmere meeting the concern was drug
			// use": each ward's meeting, its own clause.
			for _, part := range parts {
				if len(r.themes(part)) > 0 {
					r.concern(b, nil, part, action, r.find(part, sp.Start)[0].Resolution, sp)
				}
			}
			return
		}
	}
	if len(wards) > 1 {
		// "raised in North Ormesby and in Newport ward": each ward's.
		seen := map[string]bool{}
		for _, m := range wards {
			if !seen[m.WardCode] {
				seen[m.WardCode] = true
				r.concern(b, nil, text, action, m.Resolution, sp)
			}
		}
		return
	}
	if len(wards) == 0 && len(others) > 1 {
		seen := map[string]bool{}
		for _, m := range others {
			if seen[m.LADCode] {
				continue
			}
			seen[m.LADCode] = true
			r.concern(b, nil, text, action, m.Resolution, sp)
		}
		return
	}
	res := r.concernPlace(b, text, nil, sp.Start, leadIn)
	if res != nil {
		r.concern(b, nil, text, action, *res, sp)
	}
}

// heldAtOpening is the meeting an undated concern was raised at when its
// sentence opens on a ward ("In Loftus, farmers described thefts of quad
// bikes ...") and the document tells of one meeting held at that ward on
// a day of the concern's span: a report's "Issues raised" section going
// over what was said at the meetings its table listed. (heldRefs reads
// "In X, residents raised ..." as that meeting's whatever its date; this
// takes any subject, but only for a concern the report's period would
// date.) Nil when the ward had no meeting or several (which one is not
// said), one outside the span, or the sentence opens on anything else.
func (r *run) heldAtOpening(text string, sp dates.Span) *meetingCtx {
	ms := r.find(text, sp.Start)
	if len(ms) == 0 || ms[0].Kind != "ward" || !heldRefInRE.MatchString(text[:ms[0].Start]) || !strings.HasPrefix(text[ms[0].End:], ",") {
		return nil
	}
	m := r.heldAt(ms[0])
	if m == nil || m.span.Start.Before(sp.Start) || m.span.Start.After(sp.End) {
		return nil
	}
	return m
}

// turnUpFromRE: the text before a place officers turn up, show up or
// respond from ("how long it takes officers to turn up from Redcar",
// "the police never show up from Stockton in time"): where they come from,
// not where the concern is. The police must be named before the verb:
// "the lads on scramblers turn up from the next village" is about that
// village.
var turnUpFromRE = regexp.MustCompile(`(?i)\b(?:officers?|police|pcsos?|patrols?|bobb(?:y|ies)|response cars?|panda cars?)\b[^.;:!?]{0,60}?\b(?:turn(?:s|ed|ing)?\s+up|show(?:s|ed|ing|n)?\s+up|get(?:s|ting)?\s+(?:here|there|out)|respond(?:s|ed|ing)?)\s+(?:all the way\s+)?(?:from|out of)\s+(?:the\s+)?$`)

// comeFromRE: the text before a place the police come or are sent from,
// or are based in ("officers took too long to arrive from Guisborough",
// "the nearest PCSOs are based in Redcar"): where they are, not where the
// concern is.
var comeFromRE = regexp.MustCompile(`(?i)\b(?:arrive|arrives|arrived|arriving|come|comes|came|coming|sent|travel|travels|travelled|travelling|drive|drives|driving|driven|dispatched|based)\s+(?:all the way\s+|over\s+)?(?:from|in|at|out of)\s+(?:the\s+)?$`)

// acrossPlaces is the authority of a concern told of people "across" two
// places or more of it, listed together ("Parents across Thornaby and
// Village ward told the survey ...", "across Marske, Saltburn and New
// Marske"): a finding over those places together, not any one of them's,
// so the authority's (as the writer places a concern of a town spanning
// wards). Nil when the places are one ward, in several authorities, or
// not listed after "across".
func (r *run) acrossPlaces(text string, ms []gazetteer.Mention, at time.Time) *gazetteer.Resolution {
	for i := 0; i+1 < len(ms); i++ {
		if !acrossBeforeRE.MatchString(text[:ms[i].Start]) {
			continue
		}
		j := i
		for j+1 < len(ms) && listJoinRE.MatchString(text[ms[j].End:ms[j+1].Start]) {
			j++
		}
		if j == i {
			continue
		}
		group := ms[i : j+1]
		oneWard := true
		for _, m := range group {
			if m.LADCode != group[0].LADCode {
				return nil
			}
			if m.Kind != "ward" || m.WardCode != group[0].WardCode {
				oneWard = false
			}
		}
		if oneWard {
			return nil
		}
		if res, err := r.x.gaz.Resolve(group[0].LADName, at); err == nil && res.Kind == "lad" {
			return &res
		}
	}
	return nil
}

// ridingRouteRE: a place named as the way vehicles are ridden or driven
// ("bikes being ridden along the beck and across", "cars racing through"):
// the route, right before the place.
var ridingRouteRE = regexp.MustCompile(`(?i)\b(?:ridden|riding|rode|driven|driving|drove|raced|racing|tearing|speeding|roaring)\b[^.;:]{0,60}?\b(?:across|through|along|around|over|up and down)\s+(?:the\s+)?$`)

// acrossBeforeRE: "across" (or "right across") just before a place;
// listJoinRE: what joins the places of one list.
var (
	acrossBeforeRE = regexp.MustCompile(`(?i)\bacross\s+(?:the\s+)?$`)
	listJoinRE     = regexp.MustCompile(`(?i)^\s*(?:,|,?\s*(?:and|&)|,?\s*and\s+in|,?\s*as well as)\s*$`)
)

// concernPlace is where a concern counts: a ward named in it, else its
// meeting's place (a concern about "the Eston Hills" raised at the
// Grangetown meeting stays in Grangetown), else a town named in it, else
// one named in extra (a lead-in, a table's place column), else the
// title's ward or the document's authority.
func (r *run) concernPlace(b *segment.Block, text string, cur *meetingCtx, at time.Time, extra string) *gazetteer.Resolution {
	if r.leadPlace && cur != nil && cur.place != nil {
		res := *cur.place // (a news item's opening names the town; its meeting, the ward)
		return &res
	}
	ms := r.find(text, at)
	for i := 0; i < len(ms); i++ {
		if titleOfPerson(text, ms[i]) || (cur != nil && (policeOfRE.MatchString(text[ms[i].End:]) || comeFromRE.MatchString(text[:ms[i].Start]) || turnUpFromRE.MatchString(text[:ms[i].Start]))) {
			// "Mandale and Victoria ward councillor Sam Jones said ...":
			// whom the speaker represents, not where the concern is.
			ms = append(ms[:i:i], ms[i+1:]...)
			i--
		}
	}
	if cur == nil {
		if res := r.acrossPlaces(text, ms, at); res != nil {
			return res
		}
	}
	if cur != nil && cur.place != nil && cur.place.Kind == "lad" && r.jointWards(text, ms, at) != nil {
		// (told at the joint meeting of the wards it names: the
		// meeting's authority)
		res := *cur.place
		return &res
	}
	if cur != nil && cur.place != nil && len(ms) > 1 && !(cur.place.Kind != "ward" && namesWardOf(ms, cur.name)) {
		// (told at a meeting placed by its town, "Two meetings in Stockton
		// tonight", an item "Stockton Town Centre ward, Stockton Central
		// Library: shoplifting ..." is of the town's ward it names)
		for _, m := range ms {
			if (cur.name != "" && strings.EqualFold(placeName(m.Text), cur.name)) || (m.Kind == "ward" && m.WardCode == cur.place.WardCode) {
				// "scramblers ridden along the sands between Marske and
				// Saltburn", told at the Marske meeting: the meeting's
				// place is among those named, and stands.
				res := *cur.place
				return &res
			}
		}
	}
	for _, m := range ms {
		if m.Kind == "ward" {
			if cur != nil && cur.place != nil && cur.place.Kind == "ward" && cur.place.LADCode == m.LADCode && r.x.gaz.Village(m.Text) {
				// "hare coursing on the fields around Hutton Lowcross" told
				// at the Belmont ward meeting: a village near the meeting,
				// whose ward the meeting's people speak for
				continue
			}
			if cur != nil && cur.place != nil && cur.place.Kind == "ward" && cur.place.LADCode == m.LADCode && m.WardCode != cur.place.WardCode && ridingRouteRE.MatchString(text[:m.Start]) {
				// "scramblers being raced along the railway line and over
				// Acklam Green", told at the Ayresome ward meeting: the
				// route the riders take (a park, a green, a road through
				// the next ward), not whose concern it is; the meeting's.
				continue
			}
			if cur != nil && cur.place != nil && cur.place.Kind != "ward" && !wardWordAfterRE.MatchString(text[m.End:]) && !heldRefAfterRE.MatchString(strings.ToLower(text[m.End:])) && !heldRefBeforeRE.MatchString(text[:m.Start]) {
				// "Our secretary asked why Dormanstown hardly ever sees a
				// police car", told at the Commissioner's meeting for the
				// whole of Redcar: what was raised there, placed as the
				// meeting is (a ward called so, "Stockton Town Centre
				// ward: shoplifting", or named for its own meeting, "At the
				// Park End & Beckfield Community Council the main complaint
				// was ...", is that ward's).
				continue
			}
			res := m.Resolution
			return &res
		}
	}
	switch {
	case cur != nil && len(ms) == 0 && outsideMarked(text):
		// "A visitor from Great Ayton, just over the boundary in North
		// Yorkshire, said that quad bikes had been stolen from farms
		// there": told at the meeting, about a place outside Cleveland.
		r.problem(b, "place", hint(text), "a concern about a place outside the Cleveland force area, told at a meeting: not emitted")
		return nil
	case cur != nil:
		res := *cur.place
		return &res
	case len(ms) > 0 && r.titlePlace != nil && r.titlePlace.LADCode == ms[0].LADCode && partOf(ms[0].Text, r.titlePlace.WardName):
		// "the park off Norton Green" on a page of Norton North ward:
		// the town the title's ward is part of is that ward
		res := *r.titlePlace
		return &res
	case len(ms) > 0 && extra != "":
		// "Seaton | Cars were racing along the sea front road in Seaton
		// Carew": a town or area the row's text names lies in the ward
		// its place column gives, when that ward is of the same authority.
		if w, err := r.x.gaz.Resolve(extra, at); err == nil && w.Kind == "ward" && w.LADCode == ms[0].LADCode {
			return &w
		}
		res := ms[0].Resolution
		return &res
	case len(ms) > 0:
		res := ms[0].Resolution
		return &res
	}
	if extra != "" {
		if res, err := r.cellPlace(extra, at); err == nil {
			return &res // a table's place column holds a name ("Newport")
		}
		if em := r.find(extra, at); len(em) > 0 {
			res := em[0].Resolution
			return &res
		}
	}
	if r.outside(text, at) {
		r.problem(b, "place", hint(text), "outside the Cleveland force area (not a ward, town or authority of its gazetteer): not emitted")
		return nil
	}
	if r.titlePlace != nil {
		res := *r.titlePlace
		return &res
	}
	if res := r.documentLAD(); res != nil {
		return res
	}
	r.problem(b, "place", hint(text), "no ward, town or local authority of the Cleveland area is named in the paragraph or the document")
	return nil
}

// meetingPurposeRE is a meeting's stated purpose: "(a meeting) to discuss
// the recent spike in anti-social behaviour"; or what a crowd came to
// press for ("tenants piled into the hall to demand action on speeding",
// "to call for something to be done about the bikes"): what residents
// met about is their concern.
// Likewise what a crowd came to tell the police or the Commissioner they
// are fed up with (tellFedUpRE): "dozens squeezed into the chapel hall on
// Monday to tell officers they had had enough of dog fouling", "to tell
// the Commissioner they are sick of speeding vans": the report's own lead
// naming the meeting's concern.
var meetingPurposeRE = regexp.MustCompile(`(?i)\bto (?:discuss|talk about|talk over|air concerns about|raise concerns about|(?:demand|call for|press for|plead for)\s+(?:(?:urgent|more|tougher|real)\s+)?(?:action|something to be done|a crackdown)\s+(?:on|over|about|against)|complain about|protest (?:about|at|over|against)|` + tellFedUpRE + `)\s+(.+)`)

// tellFedUpRE: "tell police (that) they have had enough of", "tell the
// Commissioner they are fed up with": whom the crowd told, then that they
// are tired of something.
const tellFedUpRE = `tell (?:the\s+)?(?:police|officers|commissioner|pcc|councillors|council|inspector|neighbourhood team)(?:\s+that)?\s+they\s+(?:have|had|'ve|’ve|are|were|'re|’re)\s+(?:had\s+enough|fed\s+up|sick|tired)\s+(?:of|with)`

// residentsMetAbout is what a residents' or community meeting was held to
// discuss, when that names a theme other than partnership working; "" when
// the clause states no such purpose, or the meeting is one of partners
// ("met colleagues to discuss cross-border vehicle crime": agencies at work,
// not a concern raised).
func (r *run) residentsMetAbout(ev *schemas.Event, clause string) string {
	if ev.Meeting == nil || ev.Meeting.Kind != schemas.KindCommunityMeeting {
		return ""
	}
	m := meetingPurposeRE.FindStringSubmatch(clause)
	if m == nil {
		return ""
	}
	for _, th := range r.themes(m[1]) {
		if th != "partnership" {
			return m[1]
		}
	}
	return ""
}

// opensWithDay reports whether text, block b's, opens with a day and no
// meeting was told yet: under a record's title, "Thursday 20 January 2022
// at 7.00pm, St Mary's Church Hall" is the recorded meeting's own date
// line, though it says neither "held on" nor "Date:"; so is "Held on
// Tuesday 5th September 2017 at Marton Community Centre" without a colon.
func (r *run) opensWithDay(b *segment.Block, text string) bool {
	if len(r.held) > 0 {
		return false
	}
	ds := r.mentionsOf(b, text)(0, len(text))
	return len(ds) > 0 && ds[0].Start <= 3+len(heldLeadRE.FindString(text)) && ds[0].IsDay()
}

// heldLeadRE opens a record's date line that says when it was held.
var heldLeadRE = regexp.MustCompile(`(?i)^\W*(?:meeting\s+)?held\s+(?:on\s+)?`)

// laterInSentence is the day a sentence counts from the last day it wrote
// ("on 2nd June and at the South Bank ward meeting two days later", "on
// Tuesday 3 May and again the following evening"), as a mention at the
// words that count it; ok is false when there is none. A day without its
// year counts within its year (a count over New Year is not taken).
func laterInSentence(sent string, ds []dates.Mention) (dates.Mention, bool) {
	if len(ds) == 0 {
		return dates.Mention{}, false
	}
	last := ds[len(ds)-1]
	if !last.IsDay() || last.Rel != "" || last.Month == 0 || last.End > len(sent) {
		return dates.Mention{}, false // (a day taken from another paragraph is not this sentence's)
	}
	loc := sameDayRE.FindStringSubmatchIndex(sent[last.End:])
	if loc == nil {
		return dates.Mention{}, false
	}
	n, ok := sameDayOffset(sent[last.End:], loc)
	if !ok || n <= 0 {
		return dates.Mention{}, false // (earlier, or the same day: the day already written)
	}
	year := last.Year
	if year == 0 {
		year = 2000 // a leap year: "28 February ... two days later" stays within the year
	}
	t := time.Date(year, last.Month, last.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	if t.Year() != year {
		return dates.Mention{}, false
	}
	m := dates.Mention{Start: last.End + loc[0], End: last.End + loc[1], Day: t.Day(), Month: t.Month(), Year: last.Year}
	m.Text = sent[m.Start:m.End]
	return m, true
}

// heldRefs are the meetings held on a day that a paragraph names again by
// their place, as a meeting ("at the Ingleby Barwick forum", "the same
// Headland meeting", "At Grangetown several people said ..."), each the one meeting
// told so far at that place.
func (r *run) heldRefs(text string) []*meetingCtx {
	var out []*meetingCtx
	for _, ref := range r.heldRefPlaces(text) {
		p, both := ref.p, ref.both
		var found []*meetingCtx
		if both {
			found = r.heldAll(p)
		} else if one := r.heldAt(p); one != nil {
			found = []*meetingCtx{one}
		}
		for _, f := range found {
			if !slices.ContainsFunc(out, func(o *meetingCtx) bool { return o.ev.EventID == f.ev.EventID }) {
				out = append(out, f)
			}
		}
	}
	return out
}

// heldRef is a place a paragraph names as a meeting's (heldRefPlaces);
// both when it names all the meetings there ("At both ... surgeries").
type heldRef struct {
	p    gazetteer.Mention
	both bool
}

// heldRefPlaces are the places a paragraph names as the place of a meeting
// ("at the Ingleby Barwick forum", "At Grangetown several people said"),
// whether or not the document has told a meeting there.
func (r *run) heldRefPlaces(text string) []heldRef {
	var out []heldRef
	for _, p := range r.find(text, r.anchorDay()) {
		after := text[p.End:]
		both := bothRefRE.MatchString(text[:p.Start]) && heldRefAfterPluralRE.MatchString(after)
		if !both && !heldRefLeadRE.MatchString(text[:p.Start]) && (!heldRefBeforeRE.MatchString(text[:p.Start]) || !(heldRefAfterRE.MatchString(after) || strings.HasPrefix(after, ","))) &&
			!(heldRefInRE.MatchString(text[:p.Start]) && residentsAtRE.MatchString(after)) &&
			!(heldRefTheRE.MatchString(text[:p.Start]) && heldRefRaisedRE.MatchString(after)) &&
			!(heldRefTheRE.MatchString(text[:p.Start]) && r.laterRefFits(p, after)) &&
			!(heldRefInRE.MatchString(text[:p.Start]) && theIssuesWereRE.MatchString(after)) &&
			!(heldRefOpenRE.MatchString(text[:p.Start]) && residentsRaisedRE.MatchString(after)) &&
			!(heldRefInRE.MatchString(text[:p.Start]) && (inResidentsRaisedRE.MatchString(after) || mainItemRE.MatchString(after))) &&
			!(residentsOfBeforeRE.MatchString(text[:p.Start]) && residentsOfAfterRE.MatchString(after)) {
			continue
		}
		out = append(out, heldRef{p: p, both: both})
	}
	return out
}

// heldAll are the two or more meetings held on a day at the place p
// names ("At both Guisborough surgeries we were asked about ..." under a
// table listing them), each as a new context named as p is written; nil
// when there are fewer than two.
func (r *run) heldAll(p gazetteer.Mention) []*meetingCtx {
	var out []*meetingCtx
	for _, m := range slices.Concat(r.held, r.rowHeld) {
		if r.heldHere(p, m) && !slices.ContainsFunc(out, func(o *meetingCtx) bool { return o.ev.EventID == m.ev.EventID }) {
			ref := *m
			ref.name, ref.sticky, ref.headed = p.Text, false, false
			out = append(out, &ref)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// heldHere reports whether meeting m, held on a day, was at the place p
// names.
func (r *run) heldHere(p gazetteer.Mention, m *meetingCtx) bool {
	same := (p.Kind == "ward" && m.place.WardCode == p.WardCode) || (p.Kind != "ward" && m.place.WardCode == "" && m.place.LADCode == p.LADCode && strings.EqualFold(m.name, p.Text))
	return same && m.span.Precision == dates.Day
}

// heldAt is the one meeting held on a day so far at the place p names (in
// prose or a table's rows), as a new context named as p is written, or nil
// (none, or several).
func (r *run) heldAt(p gazetteer.Mention) *meetingCtx {
	var found *meetingCtx
	for _, m := range slices.Concat(r.held, r.rowHeld) {
		if !r.heldHere(p, m) {
			continue
		}
		if found != nil && found.ev.EventID != m.ev.EventID {
			return nil // two meetings there: no telling which
		}
		found = m
	}
	if found == nil {
		return nil
	}
	ref := *found
	ref.name, ref.sticky, ref.headed = p.Text, false, false // (named as the paragraph writes it)
	return &ref
}

// recapRaised reads the sentences of a report's summary by area that
// list themes with the places of the meetings they were raised at in
// brackets ("Speeding (Hart, Jesmond), vehicle crime (Hart) and graffiti
// (Headland) were the issues raised at meetings."): each theme is raised
// at the meeting held at each place, which the report told before (a
// theme told again there is dropped when the meeting's events are
// finished); a bracket naming no such meeting ("abuse of worshippers
// (Inter-Faith Forum)", a meeting the report told in a way not read) gives
// nothing: a recap names no new day. It returns the text without those
// sentences, for the paragraph's other sentences to be read as usual.
func (r *run) recapRaised(b *segment.Block, text string, section *dates.Span) string {
	var keep []string
	for _, sent := range sentences(text) {
		ms := recapItemRE.FindAllStringSubmatch(sent, -1)
		if len(ms) == 0 && r.recapInPlaces(b, sent, section) {
			continue
		}
		if len(ms) == 0 || !recapVerbRE.MatchString(sent) {
			keep = append(keep, sent)
			continue
		}
		for _, m := range ms {
			for _, name := range placeListSepRE.Split(m[2], -1) {
				// (each name in the brackets is a place: "(Hart)" is Hart
				// ward, though "hart" is a word too)
				ps := r.find(strings.TrimSpace(name)+" ward", r.anchorDay())
				if len(ps) != 1 || ps[0].Start != 0 || ps[0].Kind != "ward" {
					ps = r.find(name, r.anchorDay())
				}
				for _, p := range ps {
					if held := r.heldAt(p); held != nil {
						r.standalone(b, held, m[1], "", "", section)
					}
				}
			}
		}
	}
	return strings.Join(keep, " ")
}

// recapInPlaces reads a sentence of a report's summary of its period that
// lists themes, each with the places of the meetings it was raised at
// after "in" or "at", without brackets ("Dog fouling was again raised in
// Kader and Linthorpe, and drug dealing at Park End": themes over the
// period spread onto the places of meetings the report has already told).
// Writers count such a sentence as no new concern: it says again what
// those meetings heard. It is a recap when the sentence gives no day of its
// own, every ward it names is the place of one meeting told before (a town
// may stand for one of them, "in Thornaby" for its Village ward meeting),
// and at least one is: then each theme goes to the meeting held at each
// place after it, and none is emitted for the period (a theme told again
// there is dropped when the meeting's events are finished). A sentence
// naming a ward with no meeting told ("Speeding was raised in Hart and in
// Jesmond" where only Hart's meeting was told) is read as usual, and so is
// one with a day ("raised at the Yarm meeting in March").
func (r *run) recapInPlaces(b *segment.Block, sent string, section *dates.Span) bool {
	loc := recapInVerbRE.FindStringIndex(sent)
	if loc == nil || len(dated(dates.Find(sent))) > 0 {
		return false
	}
	type at struct {
		m           *meetingCtx
		from, start int // the text before the place since the place before, and the place's start
	}
	var ats []at
	from, held := 0, 0
	for _, p := range r.find(sent, r.anchorDay()) {
		m := r.heldAt(p)
		switch {
		case m != nil:
			held++
		case p.Kind == "ward":
			return false // a ward with no meeting told: not a recap
		}
		ats = append(ats, at{m, from, p.Start})
		from = p.End
	}
	if held == 0 {
		return false
	}
	themeText := ""
	for _, a := range ats {
		// "..., and parking near the schools in" Thornaby: the theme is the
		// one the words before the place name, else the last one named
		// ("in Kader and" Linthorpe)
		if a.start > a.from && len(r.themes(sent[a.from:a.start])) > 0 {
			themeText = sent[a.from:a.start]
		}
		if a.m != nil && themeText != "" {
			r.standalone(b, a.m, themeText, "", "", section)
		}
	}
	return true
}

var (
	// recapInVerbRE: a summary's verb of issues raised, then "in" or "at"
	// before the places ("were again raised in", "was raised at").
	recapInVerbRE = regexp.MustCompile(`\b(?i:were|was)\s+(?i:again\s+|also\s+)?(?i:raised|discussed|mentioned)\s+(?i:again\s+)?(?i:in|at)\s+(?:the\s+)?[A-Z]`)
	// recapItemRE: words, then places in brackets ("vehicle crime
	// (Hart)", "and graffiti (Headland)").
	recapItemRE = regexp.MustCompile(`([^().;,]+?)\s*\(([^()]{2,80})\)`)
	// placeListSepRE: between the names of a list of places (not "and",
	// which ward names hold: "Headland and Harbour").
	placeListSepRE = regexp.MustCompile(`\s*[,;]\s*`)
	// recapVerbRE: a summary's verb of issues raised.
	recapVerbRE = regexp.MustCompile(`(?i)\b(?:were|was)\s+(?:the\s+(?:main\s+)?(?:issues?|concerns?|matters?)\s+)?(?:raised|discussed|mentioned)\b`)
)

var (
	// heldRefBeforeRE: "at", "At the", "the same" right before a place.
	heldRefBeforeRE = regexp.MustCompile(`(?i)\b(?:at|same)\s+(?:the\s+)?$`)
	// heldRefLeadRE: "At" opening a sentence, right before a place ("4.11
	// At Grangetown several people said ...").
	heldRefLeadRE = regexp.MustCompile(`(?:^|[.!?]\s+)(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?At\s+(?:the\s+)?$`)
	// bothRefRE and heldRefAfterPluralRE: "At both" (or "each of the",
	// "all three") before a place and meetings in the plural after it
	// ("At both Guisborough surgeries").
	bothRefRE            = regexp.MustCompile(`(?i)(?:^|[.!?]\s+)(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?At\s+(?:both|each of the|all (?:two|three|four)|the two|the three)(?:\s+of\s+the)?\s+$`)
	heldRefAfterPluralRE = regexp.MustCompile(`^(?:\s+[\w'’&-]+){0,2}?\s+(?:meetings|forums|surgeries|PACTs|drop-ins|briefings|sessions)\b`)
	// heldRefInRE and residentsAtRE: "In Brotton, residents at the
	// drop-in told us ...": a place opening the sentence, then the
	// public at a meeting there.
	heldRefInRE   = regexp.MustCompile(`(?:^|[.!?]\s+)(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?In\s+$`)
	residentsAtRE = regexp.MustCompile(`^,?\s+(?:residents|people|those|villagers|tenants)(?:\s+who\s+came)?\s+(?:at|to)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:meeting|forum|surgery|PACT|drop-in|briefing|walkabout|session)\b`)
	// heldRefTheRE and heldRefRaisedRE: a meeting at a place as the
	// subject of what was raised ("In Thornaby, the Mandale PACT meeting
	// raised ...", "The Hartburn forum heard ..."): "the" opening a
	// sentence or a clause after a comma, then the place, a meeting noun
	// and a verb of raising or hearing.
	heldRefTheRE = regexp.MustCompile(`(?:^|[.!?]\s+|,\s+)(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?[Tt]he\s+$`)
	// ("The Hartburn forum was mostly concerned with ...": the meeting's
	// concern, as what it heard is; "The Yarm forum, which meets in the
	// library, heard ...": a clause on the meeting before its verb).
	heldRefRaisedRE = regexp.MustCompile(`^(?:\s+[\w'’&-]+){0,3}?\s+(?:[Mm]eeting|[Ff]orum|[Ss]urgery|PACT|[Dd]rop-in)s?(?:,\s+which\s+[^,.;]{1,80},)?\s+(?:also\s+)?(?:raised|heard|discussed|was told|focused|centred|talked about|spoke about|was (?:(?:mainly|mostly|largely|chiefly)\s+)?concerned (?:with|about))\b`)
	// heldRefInRE and theIssuesWereRE: "In Normanby the issues were ...",
	// "In Brotton, the main concern was ...": a sentence opening on a
	// place, then the issues (of the meeting the document told there) as
	// its subject. ("In Brotton, thefts have gone up" names no issues
	// raised: not such a reference.)
	theIssuesWereRE = regexp.MustCompile(`^,?\s+the\s+(?:(?:main|chief|key|biggest)\s+)?(?:issues?|concerns?|complaints?|topics?)\s+(?:raised\s+)?(?:were|was)\b`)
	// heldRefOpenRE and residentsRaisedRE: "Eston residents raised ...",
	// "4.5 Loftus people told the Commissioner ...": a sentence opening on
	// a place whose residents raised something, in a paragraph with no day
	// of its own, under meetings the document told: the residents at the
	// meeting there. (Only a verb of telling in the past: "Eston residents
	// have since written to the office" is not the meeting.)
	heldRefOpenRE     = regexp.MustCompile(`(?:^|[.!?]\s+)(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?$`)
	residentsRaisedRE = regexp.MustCompile(`^\s+(?:residents|people|villagers|tenants)\s+(?:also\s+)?(?:raised|reported|described|complained|told|spoke|talked|asked)\b`)
	// heldRefInRE with inResidentsRaisedRE or mainItemRE: an "Issues
	// raised" paragraph under the meetings a report told, opening on a
	// meeting's place by "In" and then the residents telling, or the
	// issue as the main one ("In Kader, residents described cars racing
	// ...", "In Hemlington, dog fouling was the main item"): the meeting
	// the document told there (the one held there on a day), not a span
	// of the report. ("In Kader, thefts have gone up" names no one
	// telling: not such a reference.)
	inResidentsRaisedRE = regexp.MustCompile(`^,\s+(?:residents|people|villagers|tenants|those present|members)\s+(?:also\s+)?(?:raised|reported|described|complained|told|spoke|talked|asked)\b`)
	mainItemRE          = regexp.MustCompile(`^,?\s+[^.;:!?]{1,100}?\s+(?:was|were)\s+the\s+(?:main|chief|key|biggest|principal|only)\s+(?:items?|issues?|concerns?|complaints?|topics?|worry|worries|subjects?)\b`)
	// residentsOfBeforeRE and residentsOfAfterRE: the public "in" a place
	// as the subject of what they raised or were worried about, anywhere
	// in the paragraph ("The Hartburn and Fairfield meetings were quiet.
	// Residents in Fairfield were worried about ...; at Hartburn ..."): the
	// people at the meeting the document told there, not at the meeting
	// the paragraph names next.
	// (Members "at" a place, as a report calls those at a community
	// council: "Members at Kader reported ...".)
	residentsOfBeforeRE = regexp.MustCompile(`(?i)\b(?:residents|people|villagers|tenants|parents|traders)\s+(?:in|of|from)\s+(?:the\s+)?$|\b(?i:residents|members|those present)\s+at\s+(?:the\s+)?$`)
	residentsOfAfterRE  = regexp.MustCompile(`(?i)^\s+(?:were|was)\s+(?:(?:also|mainly|mostly|most|particularly)\s+)?(?:concerned|worried|angry|unhappy|upset|frustrated)\b|^\s+(?:also\s+)?(?:raised|reported|described|complained|told|spoke|talked|asked)\b`)
	// heldRefAfterRE: a meeting noun within a few words after a place.
	heldRefAfterRE = regexp.MustCompile(`^(?:\s+[\w'’&-]+){0,3}?\s+(?:meeting|forum|surgery|PACT|community council|drop-in)\b`)
)

// onlyMeetingIn is the one meeting, held on a day, that the document has
// told so far in the ward of res, or nil (none, or several).
func (r *run) onlyMeetingIn(res gazetteer.Resolution) *meetingCtx {
	var found *meetingCtx
	for _, m := range r.held {
		if m.place.WardCode != res.WardCode || res.WardCode == "" || m.span.Precision != dates.Day {
			continue
		}
		if found != nil && found.ev.EventID != m.ev.EventID {
			return nil
		}
		found = m
	}
	if found == nil {
		return nil
	}
	return &meetingCtx{ev: found.ev, span: found.span, place: found.place, name: found.name, sent: found.sent}
}

// dateWordRE: a header naming a date column ("Date", "Meeting date",
// "Dates").
var dateWordRE = regexp.MustCompile(`\bdate[sd]?\b`)

// headerMonthRE: a month named in a column's header ("Priority set in
// June").
var headerMonthRE = regexp.MustCompile(`\b(?:in|for|during)\s+((?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+[0-9]{4})?)\b`)

// headerMonth is "in <month>" when the issues column's header names the
// month they were raised in, else "".
func headerMonth(header []string) string {
	for _, h := range header {
		if colKind(h) != "issues" {
			continue
		}
		if m := headerMonthRE.FindStringSubmatch(h); m != nil {
			return "in " + m[1]
		}
	}
	return ""
}

// notWeeks leaves out the weeks relative to the publication date ("last
// week"): they date a concern told over that week, never a list entry's
// meeting ("officers had executed a drugs warrant in the ward last week").
func notWeeks(ds []dates.Mention) []dates.Mention {
	var out []dates.Mention
	for _, d := range ds {
		if d.RelWeek == "" {
			out = append(out, d)
		}
	}
	return out
}

// wardWordAfterRE: the word "ward" right after a name.
var wardWordAfterRE = regexp.MustCompile(`(?i)^\s+ward\b`)

// atVenueRE: a sentence that opens at a venue ("At Loftus Town Hall on
// Thursday 11th February, members of the Loftus ward community asked
// ...", also after its day: "On 8 October, at the North Ormesby Community
// Hub, residents spoke about ..."), or residents given a day and a venue in
// brackets ("Hartburn residents (24 September, Hartburn Village Hall) asked
// for ...").
var atVenueRE = regexp.MustCompile(`(?:^|[.!?]\s+)\W*(?:On [^,.;]{3,40},\s+)?[Aa]t (?:the )?(?:[A-Z][\w'’&-]*\s+){1,4}(?:Town Hall|Village Hall|Community Centre|Community Hub|Hub|Library|Hall|Centre|Church Hall|Pavilion)\b|\b(?:residents|people|villagers|tenants|parents|traders)\s+\([^()]*[0-9][^()]*,\s*(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){1,4}(?:Town Hall|Village Hall|Community Centre|Community Hub|Hub|Library|Hall|Centre|Church Hall|Pavilion)\)`)

// atVenueSaid reports whether a sentence opening at a venue says what
// residents there raised: a meeting at the venue.
func atVenueSaid(s string) bool {
	return atVenueRE.MatchString(s) && (subjectCueRE.MatchString(s) || membersOfRE.MatchString(s)) && (concernCueRE.MatchString(s) || askedForRE.MatchString(s))
}

// atWardSaid reports whether a sentence opens at a ward on a day and says
// what was raised there ("At Norton Central on Tuesday 8th August,
// concerns were vandalism to the new planters ..."): that ward's meeting.
//
// A round of meetings told night by night writes the next one from the day
// before ("The next night at Stainsby Hill, the worries were parked vans
// and dog mess"): a sentence opening on the following day at a ward, with
// what was raised, is that ward's meeting on the day after the one told
// before it (the meeting loop dates it: sameDayRE).
func (r *run) atWardSaid(s string) bool {
	m := atWardDayRE.FindStringSubmatch(s)
	if m != nil && m[1] == "" {
		m = []string{m[0], m[2]} // (the name before a day in brackets)
	}
	if m == nil && len(r.held) > 0 {
		m = atWardNextRE.FindStringSubmatch(s)
	}
	if m == nil || !(concernCueRE.MatchString(s) || subjectCueRE.MatchString(s)) {
		return false
	}
	ws := r.find(strings.TrimSpace(m[1])+" ward", r.anchorDay())
	return len(ws) == 1 && ws[0].Kind == "ward" && ws[0].Start == 0
}

// raisedAtSaid reports whether a sentence says a theme was raised at a
// place on a day ("Off-road bikes were raised at Hemlington on 3 May and
// at Park End on 11 May", "... at Hemlington (3 May) and again at Park End
// (11 May)"): a report grouped by theme tells its meetings so, by where
// and when, with no meeting word.
func (r *run) raisedAtSaid(s string) bool {
	loc := themeRaisedAtRE.FindStringIndex(s)
	if loc == nil {
		return false
	}
	for _, m := range atNameOnRE.FindAllStringSubmatchIndex(s[loc[0]:], -1) {
		name := s[loc[0]+m[2] : loc[0]+m[3]]
		if ps := r.find(name, r.anchorDay()); len(ps) > 0 && ps[0].Start == 0 {
			return true
		}
	}
	return false
}

var (
	// themeRaisedAtRE: a theme raised at a place.
	themeRaisedAtRE = regexp.MustCompile(`(?i)\b(?:was|were|came up|has been|have been)\s+(?:also\s+|again\s+|first\s+)?(?:raised|discussed|mentioned|brought up)\s+at\s`)
	// atNameOnRE: "at <Name> on <day>", or its day in brackets ("at
	// Grangetown (15 October) and again at Loftus (3 December)", as a
	// report grouped by theme lists them).
	atNameOnRE = regexp.MustCompile(`\bat ((?:[A-Z][\w'’&-]*\s+){1,4})(?:on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|the\s+[0-9]|[0-9])|\((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?[0-9])`)
)

// toldMeetingRE: residents telling a meeting ("Last month residents in
// neighbouring Brambles and Thorntree told a similar meeting that ...").
var toldMeetingRE = regexp.MustCompile(`(?i)\b(?:residents|people|tenants|villagers|parents)\b[^.;]{0,60}?\btold (?:a|the|their|that) (?:similar |packed |public |community |ward )?meeting\b`)

// nextDoorRE: "next door", "next-door" (a post headed "Fireworks, and a
// visit next door"): a place beside, not a time to come.
var nextDoorRE = regexp.MustCompile(`(?i)\bnext[ -]door\b`)

// otherQuarterRE: "& West", "and North" after a ward named for its
// quarter of a town (group 1: the other quarter); quarterRE: such a
// quarter.
var (
	otherQuarterRE = regexp.MustCompile(`(?i)^\s*(?:and|&)\s+(east|west|north|south|central)\b`)
	quarterRE      = regexp.MustCompile(`(?i)^(?:east|west|north|south|central)$`)
)

// lastWord is the last word of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// dayPossRE: a day named by its possessive ("Monday's meeting", "Tuesday
// night's PACT").
var dayPossRE = regexp.MustCompile(`(?:'s|’s)$`)

// namesWard reports whether any of the places is a ward.
func namesWard(ms []gazetteer.Mention) bool {
	for _, m := range ms {
		if m.Kind == "ward" {
			return true
		}
	}
	return false
}

// namesWardOf reports whether any of the places is a ward named for the
// town ("Stockton Town Centre" of Stockton).
func namesWardOf(ms []gazetteer.Mention, town string) bool {
	for _, m := range ms {
		if m.Kind == "ward" && town != "" && partOf(town, m.WardName) {
			return true
		}
	}
	return false
}

// earlierMeetingMonth is the month of a meeting before the report's period
// that a sentence names with what was raised there ("5.1 Following
// complaints raised at the Hemlington ward meeting in March 2018 about
// dealing near the shops, officers executed a warrant"): a report's
// outcomes from meetings it told in an earlier report. Writers count that
// meeting, held in its month, and what was raised there; what was done
// after is the police's. Nil unless the document has a period and the
// month ends before it begins (a meeting of the period is the one the
// report tells, not a second).
func (r *run) earlierMeetingMonth(sent string, ms []dates.Mention) *dates.Mention {
	loc := raisedAtMeetingInRE.FindStringIndex(sent)
	if loc == nil || r.a.PeriodStart.IsZero() {
		return nil
	}
	for i, d := range ms {
		if d.Start < loc[1]-len("during ") || d.Start > loc[1] || !d.IsMonths() || d.Year == 0 {
			continue
		}
		if sp, _, err := r.a.Resolve(d, false); err == nil && sp.Precision == dates.Month && sp.End.Before(r.a.PeriodStart) {
			return &ms[i]
		}
	}
	return nil
}

// raisedAtMeetingInRE: concerns raised at a meeting named with its month
// ("concerns raised at the Park End meeting in October 2016"), up to the
// month.
var raisedAtMeetingInRE = regexp.MustCompile(`(?i)\b(?:concerns?|issues?|complaints?|worries)\s+(?:were\s+|was\s+)?(?:raised|voiced|aired)\s+(?:by\s+residents\s+)?at\s+(?:the|a)\s+[^.,;:]{0,60}?\b(?:meeting|forum|surgery|pact)\s+(?:in|during)\s+`)

// placeWards are the names of places that are all wards, or nil when one
// is not a ward.
func placeWards(places []gazetteer.Mention) []string {
	var out []string
	for _, p := range places {
		if p.Kind != "ward" {
			return nil
		}
		out = append(out, p.Text)
	}
	return out
}

// atMeetingsOpenRE: a sentence that opens at meetings named by their
// places ("At ward meetings in Hemlington and in Park End, ...").
var atMeetingsOpenRE = regexp.MustCompile(`^\W*At\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:meetings?|surgeries|surgery|forums?)\s+(?:in|at)\s+[A-Z]`)

// monthLeadRE: a short sentence telling a month as a stretch of time ("The
// two meetings followed a busy February", "February was a busy month").
var monthLeadRE = regexp.MustCompile(`(?i)\b(?:(?:followed|after|before|during|through|in|over)\s+(?:an?\s+)?(?:busy|quiet|hectic|full|long|short)?\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b|(January|February|March|April|May|June|July|August|September|October|November|December)\s+was\s+(?:an?\s+)?(?:busy|quiet|hectic|full)\b)`)

// atMeetingInRE: a sentence that opens at a meeting told by its month or
// span ("At the Village ward residents' meeting in September, people
// living near ... told police that drivers were regularly breaking the
// 30mph limit"): with what was said or raised there, that meeting, though
// it gives no day. A "you said, we did" card's label before it ("You
// said: At our surgery in Hardwick in May, several tenants reported ...")
// is no part of the sentence.
var atMeetingInRE = regexp.MustCompile(`(?i)^\W*(?:you (?:said|told us|raised)\s*:\s*)?at\s+(?:the|a|an|their|our|this|last)\s+[^.,;:]{0,60}?\b(?:meeting|forum|surgery|pact)\s+(?:in|during|earlier this|last)\s`)

// turnOfRE: a meeting in a round of them ("on Thursday 14th March, it was
// the turn of the (old) Skelton ward at the Civic Hall").
var turnOfRE = regexp.MustCompile(`(?i)\bit was the turn of\b`)

// jointlyRE: meetings of several wards held as one ("were held jointly").
var jointlyRE = regexp.MustCompile(`(?i)\b(?:jointly|joint (?:meeting|session)|held together|combined (?:meeting|session))\b`)

// atWardDayRE: "At <Name> on <weekday or day>". A ward's name joins its
// parts with "&" or "and" as a word of its own ("At Fairfield & Hartburn
// on Thursday (9 May), people told ..."): the name runs on across it.
// atWardNextRE: "The following evening at <Name>," opening a sentence.
var atWardNextRE = regexp.MustCompile(`^\W*(?:[Tt]he )?(?:[Ff]ollowing|[Nn]ext) (?:day|morning|afternoon|evening|night),?\s+(?:at|in) ((?:[A-Z][\w'’&-]*\s+(?:(?:&|and)\s+)?){0,3}[A-Z][\w'’&-]*),\s`)

// The day in brackets after the name, opening with "At" or "In" ("In
// Hardwick (14 May) the talk was mostly about dealing", "At Park End (3rd
// June), residents said ..."), is a report's round of meetings told by
// place and day, as "At <Name> on <day>".
var atWardDayRE = regexp.MustCompile(`(?:^|[.!?]\s+)\W*(?:[0-9.]+\s+)?(?:[Aa]t ((?:[A-Z][\w'’&-]*\s+(?:(?:&|and)\s+)?){1,4})on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|the\s+[0-9]|[0-9])|(?:[Aa]t|[Ii]n) ((?:[A-Z][\w'’&-]*\s+(?:(?:&|and)\s+)?){0,3}[A-Z][\w'’&-]*)\s+\(\s*(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\))`)

var (
	membersOfRE = regexp.MustCompile(`(?i)\bmembers of the\b`)
	askedForRE  = regexp.MustCompile(`(?i)\b(?:asked|called|pressed) for\b|\bdescribed\b`)
)

// subjectEntries reads a paragraph under a subject heading of a report
// whose issues are grouped by subject, each entry naming the meetings' places
// it was raised at: "Burglary and theft" over "Oakfield (garage break-ins)
// and Linthorpe (tools taken from vans)", "Speeding" over "Eaglescliffe
// (3 March), where drivers ...", "Scams" over "Kader: calls from fake bank
// staff". Such an entry is the heading's theme (not what its words
// describe: "youths throwing stones" under "Anti-social behaviour" is not
// also criminal damage) at the one meeting the document told in each place
// it opens with, a day in brackets picking among several there; a place
// where the document told no meeting gives nothing, for the section lists
// the places meetings were held in, not the period's concerns. A sentence
// of the paragraph that opens otherwise goes on with its entry, unless it
// gives a date of its own ("In March the office also had a letter from
// Acklam residents about ..."): that one is read as usual, and returned
// for it. ok is whether the paragraph is such an entry (one of its places
// has its meeting) or the section's entries already were (grouped).
func (r *run) subjectEntries(b *segment.Block, text, head string, grouped bool) (rest string, ok bool) {
	themes := r.themes(head)
	if len(themes) == 0 || len(slices.Concat(r.held, r.rowHeld)) == 0 {
		return text, false
	}
	type entry struct {
		sent string
		ms   []*meetingCtx
	}
	var entries []entry
	var keep []string
	linked := false
	for _, sent := range sentences(text) {
		items, isEntry := r.leadPlaces(sent)
		if !isEntry {
			if len(dated(dates.Find(sent))) > 0 {
				keep = append(keep, sent)
			}
			continue
		}
		e := entry{sent: sent}
		for _, it := range items {
			if m := r.heldOn(it.place, it.note); m != nil {
				e.ms = append(e.ms, m)
				linked = true
			} else {
				r.problem(b, "place", it.place.Text, "an entry of issues grouped by subject at a place where the document tells no meeting (or several): not emitted")
			}
		}
		entries = append(entries, e)
	}
	if !linked && !grouped {
		return text, false
	}
	for _, e := range entries {
		for _, m := range e.ms {
			n := len(r.res.Events)
			r.concern(b, m, head, "", *m.place, m.span)
			if len(r.res.Events) > n && r.res.Events[n].Concern != nil {
				r.res.Events[n].Concern.Text = clip(head+": "+e.sent, 20000)
			}
		}
	}
	return strings.Join(keep, " "), true
}

// placeItem is a place an entry opens with, and what its brackets say
// ("Grangetown (6 November)", "Marton West (catalytic converters ...)").
type placeItem struct {
	place gazetteer.Mention
	note  string
}

var (
	// itemBracketRE: brackets right after a place.
	itemBracketRE = regexp.MustCompile(`^\s*\(([^()]{1,160})\)`)
	// itemSepRE: between two places an entry opens with.
	itemSepRE = regexp.MustCompile(`^(?:\s*,\s*(?:and\s+|&\s+)?|\s*;\s*|\s+(?:and|&)\s+)`)
	// itemHeadEndRE: the end of an entry's places (a stop, a colon, a
	// comma, a dash).
	itemHeadEndRE = regexp.MustCompile(`^\s*(?:$|[,:;.–—]|-\s)`)
	// capWordRE: a capitalised word.
	capWordRE = regexp.MustCompile(`^[A-Z][\w'’-]*`)
)

// leadPlaces are the places a sentence opens with, one after another
// ("Brambles & Thorntree (15 November), and Eston (29 January), where
// ...", "Hutton: theft from farm buildings"), each with its brackets; ok
// is false when the sentence does not open so, the places ending at a
// stop, colon, comma or dash ("Marton residents told ..." opens with a
// place that is the residents').
func (r *run) leadPlaces(sent string) (items []placeItem, ok bool) {
	at := r.anchorDay()
	pos := 0
	for {
		p, found := r.placeAtStart(sent[pos:], at)
		if !found {
			break
		}
		it := placeItem{place: p}
		end := pos + p.End
		if m := itemBracketRE.FindStringSubmatch(sent[end:]); m != nil {
			it.note, end = m[1], end+len(m[0])
		}
		items = append(items, it)
		pos = end
		if sep := itemSepRE.FindString(sent[pos:]); sep != "" {
			if _, more := r.placeAtStart(sent[pos+len(sep):], at); more {
				pos += len(sep)
				continue
			}
		}
		break
	}
	if len(items) == 0 || !itemHeadEndRE.MatchString(sent[pos:]) {
		return nil, false
	}
	return items, true
}

// placeAtStart is the place s opens with: a name the gazetteer knows, or a
// ward whose name is also a word ("Newport", "Park"), which it knows only
// with "ward" after it.
func (r *run) placeAtStart(s string, at time.Time) (gazetteer.Mention, bool) {
	if ms := r.find(s, at); len(ms) > 0 && ms[0].Start == 0 {
		return ms[0], true
	}
	if w := capWordRE.FindString(s); w != "" {
		if ms := r.find(w+" ward", at); len(ms) == 1 && ms[0].Start == 0 && ms[0].Kind == "ward" {
			p := ms[0]
			p.End, p.Text = len(w), w
			return p, true
		}
	}
	return gazetteer.Mention{}, false
}

// heldOn is the one meeting held on a day that the document told, in prose
// or in a table's rows, at the place p names, on the day note gives if it
// gives one, or nil (none, or several and no day to choose).
func (r *run) heldOn(p gazetteer.Mention, note string) *meetingCtx {
	var day *dates.Mention
	if ds := dates.Days(dated(dates.Find(note))); len(ds) == 1 {
		day = &ds[0]
	}
	var found *meetingCtx
	for _, m := range slices.Concat(r.held, r.rowHeld) {
		same := (p.Kind == "ward" && m.place.WardCode == p.WardCode) || (p.Kind != "ward" && m.place.WardCode == "" && m.place.LADCode == p.LADCode && strings.EqualFold(m.name, p.Text))
		if !same || m.span.Precision != dates.Day || (day != nil && (m.span.Start.Day() != day.Day || m.span.Start.Month() != day.Month)) {
			continue
		}
		if found != nil && found.ev.EventID != m.ev.EventID {
			return nil
		}
		found = m
	}
	return found
}

// typeCell is the cell of a table's column of the meeting's type ("Type",
// "Meeting type", "Category"), or "".
func typeCell(header, cells []string) string {
	for i, h := range header {
		if i < len(cells) && typeHeadRE.MatchString(strings.TrimSpace(h)) {
			return cells[i]
		}
	}
	return ""
}

var (
	// typeHeadRE: a column of the kind of meeting.
	typeHeadRE = regexp.MustCompile(`(?i)^(?:(?:meeting|engagement|event)\s+)?(?:type|kind|category)$`)
	// partnerTypeRE: a type of meeting held with partners or officials
	// ("Partner", "Partner / governance", "Statutory board", "National").
	partnerTypeRE = regexp.MustCompile(`(?i)\b(?:partners?|partnerships?|governance|statutory|strategic|national|regional|internal|board|stakeholders?)\b`)
	// publicTypeRE: a type of meeting held with the public.
	publicTypeRE = regexp.MustCompile(`(?i)\b(?:community|public|residents?|ward|pacts?|surger(?:y|ies)|drop-ins?|walkabouts?|street briefings?|coffee mornings?)\b`)
)

// meetingBracketRE: brackets right after a meeting's name, or its name and
// place ("ward meeting in Redcar (speeding ...)"; group 1: what they hold).
var meetingBracketRE = regexp.MustCompile(`(?i)\b(?:meeting|forum|surgery|pact|drop-in|walkabout)(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,3})?\s*\(([^()]{8,200})\)`)

// policeAbsentRE: the police as the subject of their own absence
// ("officers are rarely seen", "police are never around", "PCSOs are
// hardly ever seen"), what residents say of them, not the police's account.
var policeAbsentRE = regexp.MustCompile(`(?i)\b(?:the\s+)?(?:officers|police|pcsos|police officers|bobbies)\s+(?:are|were)\s+(?:so\s+|very\s+)?(?:rarely|never|seldom|hardly ever|hardly|not|no longer|not often)\s+(?:seen|around|about|visible|on the streets)\b`)

// daysJoinRE: what stands between two days of one list ("the 6th and the
// 20th", "3 March, 10 March").
var daysJoinRE = regexp.MustCompile(`(?i)^[\s,]*(?:(?:and|&)\s+)?(?:on\s+)?(?:the\s+)?$`)

// wardBeforeDays is the one ward a sentence names before a list of its
// days, which are the days of meetings all held there ("two street
// briefings in Marton East, on the 6th and the 20th": both in Marton
// East), or "" when the sentence names another place, a place among or
// after the days, or the days are not one list (each clause then has its
// own place, "at the library in Seaton ward on the 10th, and at the
// shopping centre on the 24th").
func wardBeforeDays(sent string, places []gazetteer.Mention, ds []dates.Mention) string {
	if len(ds) < 2 || len(places) == 0 {
		return ""
	}
	w := places[0]
	for _, p := range places {
		if p.Kind != "ward" || p.WardCode != w.WardCode || p.End > ds[0].Start {
			return ""
		}
	}
	for i := 1; i < len(ds); i++ {
		if !ds[i].IsDay() || ds[i-1].End > ds[i].Start || !daysJoinRE.MatchString(sent[ds[i-1].End:ds[i].Start]) {
			return ""
		}
	}
	return sent[w.Start:w.End]
}

// andHeardThatRE (a cue of concernCueRE): a visitor who went to a meeting
// "and heard that" something is going on heard it raised there ("she
// dropped in on the ward surgery at the library and heard that vans were
// being parked on the verges"). Only the visitor's own "and heard that",
// after the meeting it joins, and only of something going on ("were
// using", "was being ..."): "the panel met and heard that burglaries had
// fallen by ten per cent" (a briefing's figure) is no concern.
const andHeardThatRE = `\band\s+heard\s+that\s+[^.;,]{1,60}?\b(?:was|were|are|is|had been|have been|has been)\s+(?:still\s+)?[a-z]+ing\b`
