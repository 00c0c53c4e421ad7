package export

import "strings"

// Country codes. Places carry ISO 3166-1 alpha-2 codes; GDELT's geography
// columns use FIPS 10-4 country codes and POLECAT/NGEC geolocations use ISO
// 3166-1 alpha-3. This table maps each ISO alpha-2 code to its alpha-3 code,
// its FIPS 10-4 code ("-" when FIPS has no single code for it) and a short
// English name for GDELT's *Geo_FullName. Facts from ISO 3166-1 and the
// FIPS 10-4 standard (final edition, with the later GENC-era codes GDELT
// also uses, e.g. South Sudan OD, Kosovo KV); the table is the team's own
// compilation.
const countryTable = `
AD AND AN Andorra
AE ARE AE United Arab Emirates
AF AFG AF Afghanistan
AG ATG AC Antigua and Barbuda
AI AIA AV Anguilla
AL ALB AL Albania
AM ARM AM Armenia
AO AGO AO Angola
AQ ATA AY Antarctica
AR ARG AR Argentina
AS ASM AQ American Samoa
AT AUT AU Austria
AU AUS AS Australia
AW ABW AA Aruba
AX ALA - Aland Islands
AZ AZE AJ Azerbaijan
BA BIH BK Bosnia and Herzegovina
BB BRB BB Barbados
BD BGD BG Bangladesh
BE BEL BE Belgium
BF BFA UV Burkina Faso
BG BGR BU Bulgaria
BH BHR BA Bahrain
BI BDI BY Burundi
BJ BEN BN Benin
BL BLM TB Saint Barthelemy
BM BMU BD Bermuda
BN BRN BX Brunei
BO BOL BL Bolivia
BQ BES - Bonaire, Sint Eustatius and Saba
BR BRA BR Brazil
BS BHS BF Bahamas
BT BTN BT Bhutan
BV BVT BV Bouvet Island
BW BWA BC Botswana
BY BLR BO Belarus
BZ BLZ BH Belize
CA CAN CA Canada
CC CCK CK Cocos (Keeling) Islands
CD COD CG Democratic Republic of the Congo
CF CAF CT Central African Republic
CG COG CF Republic of the Congo
CH CHE SZ Switzerland
CI CIV IV Cote d'Ivoire
CK COK CW Cook Islands
CL CHL CI Chile
CM CMR CM Cameroon
CN CHN CH China
CO COL CO Colombia
CR CRI CS Costa Rica
CU CUB CU Cuba
CV CPV CV Cape Verde
CW CUW UC Curacao
CX CXR KT Christmas Island
CY CYP CY Cyprus
CZ CZE EZ Czech Republic
DE DEU GM Germany
DJ DJI DJ Djibouti
DK DNK DA Denmark
DM DMA DO Dominica
DO DOM DR Dominican Republic
DZ DZA AG Algeria
EC ECU EC Ecuador
EE EST EN Estonia
EG EGY EG Egypt
EH ESH WI Western Sahara
ER ERI ER Eritrea
ES ESP SP Spain
ET ETH ET Ethiopia
FI FIN FI Finland
FJ FJI FJ Fiji
FK FLK FK Falkland Islands
FM FSM FM Micronesia
FO FRO FO Faroe Islands
FR FRA FR France
GA GAB GB Gabon
GB GBR UK United Kingdom
GD GRD GJ Grenada
GE GEO GG Georgia
GF GUF FG French Guiana
GG GGY GK Guernsey
GH GHA GH Ghana
GI GIB GI Gibraltar
GL GRL GL Greenland
GM GMB GA Gambia
GN GIN GV Guinea
GP GLP GP Guadeloupe
GQ GNQ EK Equatorial Guinea
GR GRC GR Greece
GS SGS SX South Georgia and the South Sandwich Islands
GT GTM GT Guatemala
GU GUM GQ Guam
GW GNB PU Guinea-Bissau
GY GUY GY Guyana
HK HKG HK Hong Kong
HM HMD HM Heard Island and McDonald Islands
HN HND HO Honduras
HR HRV HR Croatia
HT HTI HA Haiti
HU HUN HU Hungary
ID IDN ID Indonesia
IE IRL EI Ireland
IL ISR IS Israel
IM IMN IM Isle of Man
IN IND IN India
IO IOT IO British Indian Ocean Territory
IQ IRQ IZ Iraq
IR IRN IR Iran
IS ISL IC Iceland
IT ITA IT Italy
JE JEY JE Jersey
JM JAM JM Jamaica
JO JOR JO Jordan
JP JPN JA Japan
KE KEN KE Kenya
KG KGZ KG Kyrgyzstan
KH KHM CB Cambodia
KI KIR KR Kiribati
KM COM CN Comoros
KN KNA SC Saint Kitts and Nevis
KP PRK KN North Korea
KR KOR KS South Korea
KW KWT KU Kuwait
KY CYM CJ Cayman Islands
KZ KAZ KZ Kazakhstan
LA LAO LA Laos
LB LBN LE Lebanon
LC LCA ST Saint Lucia
LI LIE LS Liechtenstein
LK LKA CE Sri Lanka
LR LBR LI Liberia
LS LSO LT Lesotho
LT LTU LH Lithuania
LU LUX LU Luxembourg
LV LVA LG Latvia
LY LBY LY Libya
MA MAR MO Morocco
MC MCO MN Monaco
MD MDA MD Moldova
ME MNE MJ Montenegro
MF MAF RN Saint Martin
MG MDG MA Madagascar
MH MHL RM Marshall Islands
MK MKD MK North Macedonia
ML MLI ML Mali
MM MMR BM Myanmar
MN MNG MG Mongolia
MO MAC MC Macau
MP MNP CQ Northern Mariana Islands
MQ MTQ MB Martinique
MR MRT MR Mauritania
MS MSR MH Montserrat
MT MLT MT Malta
MU MUS MP Mauritius
MV MDV MV Maldives
MW MWI MI Malawi
MX MEX MX Mexico
MY MYS MY Malaysia
MZ MOZ MZ Mozambique
NA NAM WA Namibia
NC NCL NC New Caledonia
NE NER NG Niger
NF NFK NF Norfolk Island
NG NGA NI Nigeria
NI NIC NU Nicaragua
NL NLD NL Netherlands
NO NOR NO Norway
NP NPL NP Nepal
NR NRU NR Nauru
NU NIU NE Niue
NZ NZL NZ New Zealand
OM OMN MU Oman
PA PAN PM Panama
PE PER PE Peru
PF PYF FP French Polynesia
PG PNG PP Papua New Guinea
PH PHL RP Philippines
PK PAK PK Pakistan
PL POL PL Poland
PM SPM SB Saint Pierre and Miquelon
PN PCN PC Pitcairn Islands
PR PRI RQ Puerto Rico
PS PSE WE Palestine
PT PRT PO Portugal
PW PLW PS Palau
PY PRY PA Paraguay
QA QAT QA Qatar
RE REU RE Reunion
RO ROU RO Romania
RS SRB RI Serbia
RU RUS RS Russia
RW RWA RW Rwanda
SA SAU SA Saudi Arabia
SB SLB BP Solomon Islands
SC SYC SE Seychelles
SD SDN SU Sudan
SE SWE SW Sweden
SG SGP SN Singapore
SH SHN SH Saint Helena
SI SVN SI Slovenia
SJ SJM SV Svalbard
SK SVK LO Slovakia
SL SLE SL Sierra Leone
SM SMR SM San Marino
SN SEN SG Senegal
SO SOM SO Somalia
SR SUR NS Suriname
SS SSD OD South Sudan
ST STP TP Sao Tome and Principe
SV SLV ES El Salvador
SX SXM NN Sint Maarten
SY SYR SY Syria
SZ SWZ WZ Eswatini
TC TCA TK Turks and Caicos Islands
TD TCD CD Chad
TF ATF FS French Southern and Antarctic Lands
TG TGO TO Togo
TH THA TH Thailand
TJ TJK TI Tajikistan
TK TKL TL Tokelau
TL TLS TT Timor-Leste
TM TKM TX Turkmenistan
TN TUN TS Tunisia
TO TON TN Tonga
TR TUR TU Turkey
TT TTO TD Trinidad and Tobago
TV TUV TV Tuvalu
TW TWN TW Taiwan
TZ TZA TZ Tanzania
UA UKR UP Ukraine
UG UGA UG Uganda
UM UMI - United States Minor Outlying Islands
US USA US United States
UY URY UY Uruguay
UZ UZB UZ Uzbekistan
VA VAT VT Vatican City
VC VCT VC Saint Vincent and the Grenadines
VE VEN VE Venezuela
VG VGB VI British Virgin Islands
VI VIR VQ United States Virgin Islands
VN VNM VM Vietnam
VU VUT NH Vanuatu
WF WLF WF Wallis and Futuna
WS WSM WS Samoa
XK XKX KV Kosovo
YE YEM YM Yemen
YT MYT MF Mayotte
ZA ZAF SF South Africa
ZM ZMB ZA Zambia
ZW ZWE ZI Zimbabwe
`

// country is one row of countryTable.
type country struct {
	ISO2, ISO3, FIPS, Name string
}

var countries = parseCountryTable(countryTable)

func parseCountryTable(table string) map[string]country {
	m := make(map[string]country, 260)
	for _, line := range strings.Split(table, "\n") {
		f := strings.SplitN(strings.TrimSpace(line), " ", 4)
		if len(f) != 4 {
			continue
		}
		c := country{ISO2: f[0], ISO3: f[1], FIPS: f[2], Name: f[3]}
		if c.FIPS == "-" {
			c.FIPS = ""
		}
		m[c.ISO2] = c
	}
	return m
}

// lookupCountry returns the row for an ISO alpha-2 code (any case).
func lookupCountry(iso2 string) (country, bool) {
	c, ok := countries[strings.ToUpper(strings.TrimSpace(iso2))]
	return c, ok
}

// FIPSCountry returns the FIPS 10-4 code GDELT uses for an ISO 3166-1
// alpha-2 code ("IQ" → "IZ", "DE" → "GM"), or "" when unknown or when FIPS
// has no single code for the territory.
func FIPSCountry(iso2 string) string {
	c, _ := lookupCountry(iso2)
	return c.FIPS
}

// ISO3Country returns the ISO 3166-1 alpha-3 code for an alpha-2 code, or "".
func ISO3Country(iso2 string) string {
	c, _ := lookupCountry(iso2)
	return c.ISO3
}
