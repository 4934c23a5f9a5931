package demo

import (
	"fmt"
	"strings"
)

// templates per theme; %s is the ward name. Each must classify to exactly
// its theme, whatever the ward (TestTemplatesClassifyToTheirTheme), so the
// demo's themes are the taxonomy's and the dashboards show what was meant.
// The wording follows the PCC's news items in /work/shared/seeds.
var templates = map[string][]string{
	"off_road_bikes": {
		"Residents raised concerns about off-road motorbikes being ridden on the playing fields in %s",
		"Residents raised concerns about off-road motorbikes being ridden on the Eston Hills near %s",
		"Quad bikes and scramblers tearing up the green space near %s",
		"Nuisance motorbikes on the cycle path in %s late at night",
		"Off-road bikes ridden without helmets on the estate in %s",
	},
	"speeding": {
		"Speeding on the main road through %s; residents asked for a Community Speed Watch",
		"Speeding on the A174 near %s",
		"Cars racing along the bypass near %s in the evenings",
		"Dangerous driving outside the primary school in %s",
	},
	"antisocial_behaviour": {
		"Groups of youths causing anti-social behaviour outside the shops in %s",
		"ASB and noise from a house in %s",
		"Youth nuisance in the park in %s after dark",
	},
	"drugs": {
		"Drug dealing near the flats in %s",
		"Needles found in the alleyways in %s",
		"Cannabis smell and suspected drug use in a property in %s",
	},
	"serious_violence": {
		"Concern about knife crime among young people in %s",
		"An assault outside a pub in %s has worried residents",
	},
	"burglary_theft": {
		"A spate of burglaries in %s",
		"Theft from vehicles overnight in %s",
		"Shoplifting at the local shops in %s",
	},
	"criminal_damage": {
		"Graffiti and vandalism at the bus shelter in %s",
		"Arson of wheelie bins in the back lanes of %s",
	},
	"visible_policing": {
		"Residents want more police presence and PCSOs on the beat in %s",
		"Slow police response times reported by residents of %s",
	},
	"hate_crime": {
		"Racist abuse reported to the meeting in %s",
		"Residents asked how to report hate crime in %s",
	},
	"domestic_abuse": {
		"Support for victims of domestic abuse in %s was discussed",
	},
	"exploitation": {
		"Worries about county lines and the exploitation of young people in %s",
	},
	"fraud_scams": {
		"Older residents of %s targeted by phone scams",
		"Doorstep crime and rogue traders calling in %s",
	},
	"rural_crime": {
		"Hare coursing on farmland near %s",
		"Farm theft of machinery and tools reported near %s",
	},
	"parking_traffic": {
		"Inconsiderate parking on the pavements in %s",
		"Parking at the school gates in %s blocks the road",
	},
	"environmental": {
		"Fly-tipping in the back lanes of %s",
		"Dog fouling and litter on the paths in %s",
	},
	"partnership": {
		"Residents of %s asked for agencies working together on the estate",
		"Multi-agency working in %s was praised at the meeting",
	},
}

// alsoPhrases name a second theme in a two-theme concern ("...; also
// litter"). Each classifies to exactly its theme.
var alsoPhrases = map[string]string{
	"off_road_bikes": "quad bikes on the field", "speeding": "speeding cars", "antisocial_behaviour": "youths gathering",
	"drugs": "drug dealing", "serious_violence": "a recent assault", "burglary_theft": "sheds broken into",
	"criminal_damage": "graffiti", "visible_policing": "wanting more police presence", "hate_crime": "a racist incident",
	"domestic_abuse": "domestic abuse", "exploitation": "county lines", "fraud_scams": "scam phone calls",
	"rural_crime": "hare coursing", "parking_traffic": "inconsiderate parking", "environmental": "fly-tipping",
	"partnership": "partner agencies sharing information",
}

// unthemed are concerns the taxonomy finds no theme in: questions about the
// meeting itself, thanks, general worries. A dashboard must still count them.
var unthemed = []string{
	"Residents of %s asked when the next meeting will be held",
	"A resident of %s thanked the team for their help over the last year",
	"Questions about the Commissioner's budget consultation from residents of %s",
	"General concern about feeling unsafe walking home at night in %s",
}

var commonActions = []string{"Referred to the neighbourhood policing team", "PCSOs increased patrols", "Passed to the local authority", "Raised with the Community Safety Partnership"}

var themeActions = map[string][]string{
	"off_road_bikes":       {"Operation Endurance deployed", "Bikes seized under section 59"},
	"speeding":             {"Community Speed Watch set up", "Speed enforcement by the roads policing unit"},
	"antisocial_behaviour": {"Dispersal order granted", "Multi-agency ASB team visited"},
	"drugs":                {"Warrant executed at the address", "Intelligence passed to the drugs team"},
	"burglary_theft":       {"Crime prevention advice given door to door"},
}

// Personal data in a sprinkling of texts, so redaction is exercised: phone
// numbers from Ofcom's drama range and made-up registrations.
var (
	regLetters   = "ABCDEFGHJKLMNOPRSTUVWXYZ"
	personalForm = []string{" (resident can be reached on 07700 900%03d)", " - a car with registration %s was seen", "; call 01642 496%03d"}
)

// concernText is what was said and the themes the text was written for.
type concernText struct {
	text   string
	themes []string // intended, sorted; empty for an unthemed text
}

// text composes a concern text for theme in ward: mostly one theme, about
// 8 % with a second, about 2 % with none, about 4 % with personal data.
func (g *gen) text(theme, ward string) concernText {
	x := g.rng.Float64()
	var ct concernText
	switch {
	case x < 0.02:
		ct = concernText{text: fmt.Sprintf(unthemed[g.rng.IntN(len(unthemed))], ward)}
	case x < 0.10:
		ts := templates[theme]
		other := g.pickTheme(theme)
		ct = concernText{text: fmt.Sprintf(ts[g.rng.IntN(len(ts))], ward) + "; also " + alsoPhrases[other], themes: sorted(theme, other)}
	default:
		ts := templates[theme]
		ct = concernText{text: fmt.Sprintf(ts[g.rng.IntN(len(ts))], ward), themes: []string{theme}}
	}
	if g.rng.Float64() < 0.04 {
		i := g.rng.IntN(len(personalForm))
		if i == 1 {
			ct.text += fmt.Sprintf(personalForm[i], g.registration())
		} else {
			ct.text += fmt.Sprintf(personalForm[i], g.rng.IntN(1000))
		}
	}
	return ct
}

// pickTheme draws a theme other than not, in proportion to the weights.
func (g *gen) pickTheme(not string) string {
	themes := g.themes
	total := 0.0
	for _, th := range themes {
		if th != not {
			total += themeWeights[th]
		}
	}
	x := g.rng.Float64() * total
	for _, th := range themes {
		if th == not {
			continue
		}
		if x -= themeWeights[th]; x < 0 {
			return th
		}
	}
	return themes[0]
}

// registration is a current-style UK registration (two letters, two
// digits, three letters), e.g. "NX19 KJT".
func (g *gen) registration() string {
	var b strings.Builder
	b.WriteString("NX")
	fmt.Fprintf(&b, "%02d ", 51+g.rng.IntN(20))
	for range 3 {
		b.WriteByte(regLetters[g.rng.IntN(len(regLetters))])
	}
	return b.String()
}

// action picks what was done about a concern of theme.
func (g *gen) action(theme string) string {
	n := len(themeActions[theme]) + len(commonActions)
	i := g.rng.IntN(n)
	if i < len(themeActions[theme]) {
		return themeActions[theme][i]
	}
	return commonActions[i-len(themeActions[theme])]
}

func sorted(a, b string) []string {
	if b < a {
		a, b = b, a
	}
	return []string{a, b}
}
