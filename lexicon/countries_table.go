package lexicon

// countryTable lists the ISO 3166-1 countries and territories, one a line:
//
//	ISO3|CAMEO|names|demonyms and adjectives|capital
//
// CAMEO is empty when the CAMEO code is the ISO3 code (nearly always). The
// exceptions follow the Phoenix dictionaries: East Timor TMP, Kosovo KSV,
// and dependencies coded with their sovereign's code first (USAPRI, DNKGRL,
// FRAGUF) or, for a few small ones, as the sovereign alone (FIN for Åland).
// Western Sahara stays ESH (Phoenix codes it MAR). A few place names that
// end in a country's name are listed under the right country so that the
// longest match wins ("New Mexico" is in the USA, not Mexico).
// The first name is the canonical one. Written by the faultline team.
const countryTable = `
AFG||Afghanistan|Afghan;Afghans;Afghani|Kabul
ALA|FIN|Aland Islands;Åland Islands;Aland|Alandic;Alanders|Mariehamn
ALB||Albania|Albanian;Albanians|Tirana
DZA||Algeria|Algerian;Algerians|Algiers
ASM|USAASM|American Samoa|American Samoan;American Samoans|Pago Pago
AND||Andorra|Andorran;Andorrans|Andorra la Vella
AGO||Angola|Angolan;Angolans|Luanda
AIA||Anguilla|Anguillan;Anguillans|The Valley
ATA||Antarctica|Antarctic|
ATG||Antigua and Barbuda;Antigua|Antiguan;Antiguans|
ARG||Argentina|Argentine;Argentinian;Argentines;Argentinians|Buenos Aires
ARM||Armenia|Armenian;Armenians|Yerevan
ABW||Aruba|Aruban;Arubans|Oranjestad
AUS||Australia|Australian;Australians|Canberra
AUT||Austria|Austrian;Austrians|Vienna
AZE||Azerbaijan|Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku
BHS||Bahamas;The Bahamas|Bahamian;Bahamians|Nassau
BHR||Bahrain|Bahraini;Bahrainis|Manama
BGD||Bangladesh|Bangladeshi;Bangladeshis|Dhaka
BRB||Barbados|Barbadian;Barbadians|Bridgetown
BLR||Belarus|Belarusian;Belarusians;Belarussian|Minsk
BEL||Belgium|Belgian;Belgians|Brussels
BLZ||Belize|Belizean;Belizeans|Belmopan
BEN||Benin|Beninese|Porto-Novo
BMU||Bermuda|Bermudian;Bermudians|
BTN||Bhutan|Bhutanese|Thimphu
BOL||Bolivia|Bolivian;Bolivians|La Paz
BES||Bonaire, Sint Eustatius and Saba;Caribbean Netherlands;Bonaire||Kralendijk
BIH||Bosnia and Herzegovina;Bosnia-Herzegovina;Bosnia|Bosnian;Bosnians|Sarajevo
BWA||Botswana|Botswanan;Motswana;Batswana|Gaborone
BVT||Bouvet Island||
BRA||Brazil|Brazilian;Brazilians|Brasilia
IOT||British Indian Ocean Territory;Diego Garcia||
VGB|GBRVGB|British Virgin Islands|British Virgin Islander|Road Town
BRN||Brunei;Brunei Darussalam|Bruneian;Bruneians|Bandar Seri Begawan
BGR||Bulgaria|Bulgarian;Bulgarians|Sofia
BFA||Burkina Faso|Burkinabe;Burkinabes|Ouagadougou
BDI||Burundi|Burundian;Burundians|Gitega
CPV||Cape Verde;Cabo Verde|Cape Verdean;Cape Verdeans|Praia
KHM||Cambodia|Cambodian;Cambodians|Phnom Penh
CMR||Cameroon|Cameroonian;Cameroonians|Yaounde
CAN||Canada|Canadian;Canadians|Ottawa
CYM||Cayman Islands|Caymanian;Caymanians|
CAF||Central African Republic|Central African;Central Africans|Bangui
TCD||Chad|Chadian;Chadians|N'Djamena
CHL||Chile|Chilean;Chileans|Santiago
CHN||China;People's Republic of China;PRC|Chinese|Beijing
CXR|AUS|Christmas Island||Flying Fish Cove
CCK||Cocos (Keeling) Islands;Cocos Islands||West Island
COL||Colombia|Colombian;Colombians|Bogota
COM||Comoros|Comoran;Comorian;Comorians|Moroni
COG||Republic of the Congo;Congo-Brazzaville;Congo Republic|Congolese|Brazzaville
COD||Democratic Republic of the Congo;DR Congo;DRC;Congo-Kinshasa;Congo|Congolese|Kinshasa
COK||Cook Islands|Cook Islander;Cook Islanders|Avarua
CRI||Costa Rica|Costa Rican;Costa Ricans|San Jose
CIV||Ivory Coast;Cote d'Ivoire;Côte d'Ivoire|Ivorian;Ivorians|Yamoussoukro
HRV||Croatia|Croatian;Croatians;Croat;Croats|Zagreb
CUB||Cuba|Cuban;Cubans|Havana
CUW||Curacao;Curaçao|Curacaoan|Willemstad
CYP||Cyprus|Cypriot;Cypriots|Nicosia
CZE||Czech Republic;Czechia|Czech;Czechs|Prague
DNK||Denmark|Danish;Dane;Danes|Copenhagen
DJI||Djibouti|Djiboutian;Djiboutians|Djibouti
DMA||Dominica|Dominican|Roseau
DOM||Dominican Republic|Dominican;Dominicans|Santo Domingo
ECU||Ecuador|Ecuadorian;Ecuadorians;Ecuadorean|Quito
EGY||Egypt|Egyptian;Egyptians|Cairo
SLV||El Salvador|Salvadoran;Salvadorans;Salvadorean|San Salvador
GNQ||Equatorial Guinea|Equatoguinean;Equatorial Guinean|Malabo
ERI||Eritrea|Eritrean;Eritreans|Asmara
EST||Estonia|Estonian;Estonians|Tallinn
SWZ||Eswatini;Swaziland|Swazi;Swazis|Mbabane
ETH||Ethiopia|Ethiopian;Ethiopians|Addis Ababa
FLK|GBRFLK|Falkland Islands;Falklands;Malvinas|Falkland Islander;Falkland Islanders|
FRO|DNKFRO|Faroe Islands;Faroes|Faroese|Torshavn
FJI||Fiji|Fijian;Fijians|Suva
FIN||Finland|Finnish;Finn;Finns|Helsinki
FRA||France|French;Frenchman;Frenchmen|Paris
GUF|FRAGUF|French Guiana|French Guianese|Cayenne
PYF|FRAPYF|French Polynesia;Tahiti|French Polynesian;Tahitian|Papeete
ATF||French Southern Territories||
GAB||Gabon|Gabonese|Libreville
GMB||Gambia;The Gambia|Gambian;Gambians|Banjul
GEO||Georgia|Georgian;Georgians|Tbilisi
DEU||Germany|German;Germans|Berlin
GHA||Ghana|Ghanaian;Ghanaians|Accra
GIB|GBRGIB|Gibraltar|Gibraltarian;Gibraltarians|
GRC||Greece|Greek;Greeks|Athens
GRL|DNKGRL|Greenland|Greenlandic;Greenlander;Greenlanders|Nuuk
GRD||Grenada|Grenadian;Grenadians|St. George's
GLP|FRAGLP|Guadeloupe|Guadeloupean|Basse-Terre
GUM|USAGUM|Guam|Guamanian;Guamanians|Hagatna
GTM||Guatemala|Guatemalan;Guatemalans|Guatemala City
GGY||Guernsey||St Peter Port
GIN||Guinea|Guinean;Guineans|Conakry
GNB||Guinea-Bissau;Guinea Bissau|Bissau-Guinean|Bissau
GUY||Guyana|Guyanese|
HTI||Haiti|Haitian;Haitians|Port-au-Prince
HMD|AUS|Heard Island and McDonald Islands||
VAT||Vatican City;Vatican;Holy See|Vatican|
HND||Honduras|Honduran;Hondurans|Tegucigalpa
HKG||Hong Kong|Hongkonger;Hong Konger|
HUN||Hungary|Hungarian;Hungarians|Budapest
ISL||Iceland|Icelandic;Icelander;Icelanders|Reykjavik
IND||India|Indian;Indians|New Delhi
IDN||Indonesia|Indonesian;Indonesians|Jakarta
IRN||Iran;Islamic Republic of Iran|Iranian;Iranians|Tehran
IRQ||Iraq|Iraqi;Iraqis|Baghdad
IRL||Ireland;Republic of Ireland|Irish|Dublin
IMN|GBRIMN|Isle of Man|Manx|
ISR||Israel|Israeli;Israelis|Jerusalem
ITA||Italy|Italian;Italians|Rome
JAM||Jamaica|Jamaican;Jamaicans|Kingston
JPN||Japan|Japanese|Tokyo
JEY||Jersey||St Helier
JOR||Jordan|Jordanian;Jordanians|Amman
KAZ||Kazakhstan|Kazakh;Kazakhs;Kazakhstani;Kazakhstanis|Astana
KEN||Kenya|Kenyan;Kenyans|Nairobi
KIR||Kiribati|I-Kiribati|Tarawa
PRK||North Korea;Democratic People's Republic of Korea;DPRK|North Korean;North Koreans|Pyongyang
KOR||South Korea;Republic of Korea;ROK;Korea|South Korean;South Koreans;Korean;Koreans|Seoul
XKX|KSV|Kosovo|Kosovar;Kosovars;Kosovan|Pristina
KWT||Kuwait|Kuwaiti;Kuwaitis|Kuwait City
KGZ||Kyrgyzstan;Kirghizia|Kyrgyz;Kyrgyzstani|Bishkek
LAO||Laos;Lao People's Democratic Republic|Lao;Laotian;Laotians|Vientiane
LVA||Latvia|Latvian;Latvians|Riga
LBN||Lebanon|Lebanese|Beirut
LSO||Lesotho|Basotho;Mosotho|Maseru
LBR||Liberia|Liberian;Liberians|Monrovia
LBY||Libya|Libyan;Libyans|Tripoli
LIE||Liechtenstein|Liechtensteiner|Vaduz
LTU||Lithuania|Lithuanian;Lithuanians|Vilnius
LUX||Luxembourg|Luxembourgish;Luxembourger;Luxembourgers|Luxembourg
MAC||Macao;Macau|Macanese|
MDG||Madagascar|Malagasy|Antananarivo
MWI||Malawi|Malawian;Malawians|Lilongwe
MYS||Malaysia|Malaysian;Malaysians|Kuala Lumpur
MDV||Maldives|Maldivian;Maldivians|Male
MLI||Mali|Malian;Malians|Bamako
MLT||Malta|Maltese|Valletta
MHL||Marshall Islands|Marshallese|Majuro
MTQ|FRAMTQ|Martinique|Martinican|Fort-de-France
MRT||Mauritania|Mauritanian;Mauritanians|Nouakchott
MUS||Mauritius|Mauritian;Mauritians|Port Louis
MYT|FRA|Mayotte|Mahoran|Mamoudzou
MEX||Mexico|Mexican;Mexicans|Mexico City
FSM||Micronesia;Federated States of Micronesia|Micronesian;Micronesians|Palikir
MDA||Moldova|Moldovan;Moldovans|Chisinau
MCO||Monaco|Monegasque;Monacan|Monaco
MNG||Mongolia|Mongolian;Mongolians|Ulaanbaatar
MNE||Montenegro|Montenegrin;Montenegrins|Podgorica
MSR|GBRMSR|Montserrat|Montserratian|
MAR||Morocco|Moroccan;Moroccans|Rabat
MOZ||Mozambique|Mozambican;Mozambicans|Maputo
MMR||Myanmar;Burma|Burmese;Myanmarese|Naypyidaw
NAM||Namibia|Namibian;Namibians|Windhoek
NRU||Nauru|Nauruan;Nauruans|Yaren
NPL||Nepal|Nepali;Nepalese;Nepalis|Kathmandu
NLD||Netherlands;The Netherlands;Holland|Dutch;Dutchman;Dutchmen|Amsterdam
NCL|FRANCL|New Caledonia|New Caledonian|Noumea
NZL||New Zealand|New Zealander;New Zealanders;Kiwi;Kiwis|Wellington
NIC||Nicaragua|Nicaraguan;Nicaraguans|Managua
NER||Niger|Nigerien;Nigeriens|Niamey
NGA||Nigeria|Nigerian;Nigerians|Abuja
NIU|NZLNIU|Niue|Niuean|Alofi
NFK||Norfolk Island|Norfolk Islander|
MKD||North Macedonia;Macedonia;Former Yugoslav Republic of Macedonia;FYROM|Macedonian;Macedonians|Skopje
MNP||Northern Mariana Islands|Northern Marianan|Saipan
NOR||Norway|Norwegian;Norwegians|Oslo
OMN||Oman|Omani;Omanis|Muscat
PAK||Pakistan|Pakistani;Pakistanis|Islamabad
PLW||Palau|Palauan;Palauans|Ngerulmud
PSE||Palestine;State of Palestine;Palestinian Territories;Palestinian territories|Palestinian;Palestinians|Ramallah
PAN||Panama|Panamanian;Panamanians|Panama City
PNG||Papua New Guinea;New Guinea|Papua New Guinean;Papua New Guineans|Port Moresby
PRY||Paraguay|Paraguayan;Paraguayans|Asuncion
PER||Peru|Peruvian;Peruvians|Lima
PHL||Philippines;The Philippines|Philippine;Filipino;Filipinos|Manila
PCN||Pitcairn Islands;Pitcairn|Pitcairn Islander|Adamstown
POL||Poland|Polish;Pole;Poles|Warsaw
PRT||Portugal|Portuguese|Lisbon
PRI|USAPRI|Puerto Rico|Puerto Rican;Puerto Ricans|San Juan
QAT||Qatar|Qatari;Qataris|Doha
REU||Reunion;Réunion|Reunionese|Saint-Denis
ROU||Romania|Romanian;Romanians|Bucharest
RUS||Russia;Russian Federation|Russian;Russians|Moscow
RWA||Rwanda|Rwandan;Rwandans|Kigali
BLM|FRA|Saint Barthelemy;Saint Barthélemy;St. Barts|Barthelemois|Gustavia
SHN||Saint Helena, Ascension and Tristan da Cunha;Saint Helena;St. Helena|Saint Helenian|
KNA||Saint Kitts and Nevis;St. Kitts and Nevis|Kittitian;Nevisian|Basseterre
LCA||Saint Lucia;St. Lucia|Saint Lucian;Saint Lucians|Castries
MAF||Saint Martin;Saint-Martin|Saint-Martinoise|Marigot
SPM||Saint Pierre and Miquelon|Saint-Pierrais|Saint-Pierre
VCT||Saint Vincent and the Grenadines;St. Vincent and the Grenadines;Saint Vincent|Vincentian;Vincentians|Kingstown
WSM||Samoa|Samoan;Samoans|Apia
SMR||San Marino|Sammarinese|San Marino
STP||Sao Tome and Principe;São Tomé and Príncipe|Sao Tomean|Sao Tome
SAU||Saudi Arabia|Saudi;Saudis;Saudi Arabian;Saudi Arabians|Riyadh
SEN||Senegal|Senegalese|Dakar
SRB||Serbia|Serbian;Serbians;Serb;Serbs|Belgrade
SYC||Seychelles|Seychellois|
SLE||Sierra Leone|Sierra Leonean;Sierra Leoneans|Freetown
SGP||Singapore|Singaporean;Singaporeans|Singapore
SXM||Sint Maarten|Sint Maartener|Philipsburg
SVK||Slovakia|Slovak;Slovaks;Slovakian|Bratislava
SVN||Slovenia|Slovenian;Slovenians;Slovene;Slovenes|Ljubljana
SLB||Solomon Islands|Solomon Islander;Solomon Islanders|Honiara
SOM||Somalia|Somali;Somalis|Mogadishu
ZAF||South Africa;Republic of South Africa|South African;South Africans|Pretoria
SGS||South Georgia and the South Sandwich Islands;South Georgia||
SSD||South Sudan|South Sudanese|Juba
ESP||Spain|Spanish;Spaniard;Spaniards|Madrid
LKA||Sri Lanka|Sri Lankan;Sri Lankans|Colombo
SDN||Sudan|Sudanese|Khartoum
SUR||Suriname;Surinam|Surinamese|Paramaribo
SJM||Svalbard and Jan Mayen;Svalbard||Longyearbyen
SWE||Sweden|Swedish;Swede;Swedes|Stockholm
CHE||Switzerland|Swiss|Bern
SYR||Syria;Syrian Arab Republic|Syrian;Syrians|Damascus
TWN||Taiwan;Republic of China|Taiwanese|Taipei
TJK||Tajikistan|Tajik;Tajiks;Tajikistani|Dushanbe
TZA||Tanzania;United Republic of Tanzania|Tanzanian;Tanzanians|Dodoma
THA||Thailand|Thai;Thais|Bangkok
TLS|TMP|East Timor;Timor-Leste;Timor Leste|East Timorese;Timorese|Dili
TGO||Togo|Togolese|Lome
TKL|NZLTKL|Tokelau|Tokelauan|
TON||Tonga|Tongan;Tongans|Nuku'alofa
TTO||Trinidad and Tobago;Trinidad|Trinidadian;Trinidadians;Tobagonian|Port of Spain
TUN||Tunisia|Tunisian;Tunisians|Tunis
TUR||Turkey;Türkiye;Turkiye|Turkish;Turk;Turks|Ankara
TKM||Turkmenistan|Turkmen;Turkmens|Ashgabat
TCA||Turks and Caicos Islands;Turks and Caicos|Turks and Caicos Islander|Cockburn Town
TUV||Tuvalu|Tuvaluan;Tuvaluans|Funafuti
UGA||Uganda|Ugandan;Ugandans|Kampala
UKR||Ukraine|Ukrainian;Ukrainians|Kyiv;Kiev
ARE||United Arab Emirates;UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi
GBR||United Kingdom;UK;U.K.;Britain;Great Britain|British;Briton;Britons;Brit;Brits|London
USA||United States;United States of America;U.S.;US;U.S.A.;USA;America;New Jersey;New Mexico;New England|American;Americans|Washington
UMI||United States Minor Outlying Islands||
URY||Uruguay|Uruguayan;Uruguayans|Montevideo
VIR|USAVIR|U.S. Virgin Islands;United States Virgin Islands|Virgin Islander|Charlotte Amalie
UZB||Uzbekistan|Uzbek;Uzbeks;Uzbekistani|Tashkent
VUT||Vanuatu|Ni-Vanuatu|Port Vila
VEN||Venezuela|Venezuelan;Venezuelans|Caracas
VNM||Vietnam;Viet Nam|Vietnamese|Hanoi
WLF|FRAWLF|Wallis and Futuna|Wallisian;Futunan|Mata-Utu
ESH||Western Sahara|Sahrawi;Sahrawis;Saharawi|Laayoune
YEM||Yemen|Yemeni;Yemenis|Sanaa;Sana'a
ZMB||Zambia|Zambian;Zambians|Lusaka
ZWE||Zimbabwe|Zimbabwean;Zimbabweans|Harare
`
