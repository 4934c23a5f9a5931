package demo

import "fmt"

// templates per theme; %s is the ward name. Each must classify to its theme
// (TestTextsClassifyToTheirTheme).
var templates = map[string][]string{
	"off_road_bikes": {
		"Residents raised concerns about off-road motorbikes being ridden on the playing fields in %s",
		"Quad bikes and scramblers tearing up the green space near %s",
		"Nuisance motorbikes on the cycle path in %s late at night",
		"Off-road bikes ridden without helmets on the estate in %s, reg AB12 CDE seen",
	},
	"speeding": {
		"Speeding on the main road through %s; residents asked for a Community Speed Watch",
		"Cars racing along the bypass near %s in the evenings",
		"Dangerous driving outside the primary school in %s",
	},
	"antisocial_behaviour": {
		"Groups of youths causing anti-social behaviour outside the shops in %s",
		"ASB and noise nuisance from a house in %s, contact 07700 900123",
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

var commonActions = []string{"Referred to the neighbourhood policing team", "PCSOs increased patrols", "Passed to the local authority", "Raised with the Community Safety Partnership"}

var themeActions = map[string][]string{
	"off_road_bikes":       {"Operation Endurance deployed against off-road bikes", "Bikes seized under section 59"},
	"speeding":             {"Community Speed Watch set up", "Speed enforcement carried out by the roads policing unit"},
	"antisocial_behaviour": {"Dispersal order granted", "Multi-agency ASB team visited"},
	"drugs":                {"Warrant executed at the address", "Intelligence passed to the drugs team"},
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

// text composes a concern text for theme in ward.
func (g *gen) text(theme, ward string) string {
	ts := templates[theme]
	return fmt.Sprintf(ts[g.rng.IntN(len(ts))], ward)
}
