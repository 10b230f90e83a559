/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// -----------------------------------------------------------------------------------------------
// Raccroche: this file replaces the web app's own scripts/config.js (the application's classes
// come before the Camunda webjar on the classpath). The original content is kept below; see
// docs/adr/0003-french-web-apps.md in the project for the reasons.
// - French for everyone, whatever the browser's language: the web app takes the browser's first
//   language when it is listed in availableLocales, else fallbackLocale, and offers no language
//   menu, so only one locale is listed. English stays reachable per browser: open any of the
//   four web apps with ?lang=en (for instance /camunda/app/cockpit/default/?lang=en); ?lang=fr
//   goes back. The choice is kept in localStorage under 'raccroche-webapps-locale'.
// - scripts/raccroche-eol-banner.js shows the Camunda 7 CE end-of-life banner to administrators
//   only; styles/user-styles.css hides it for everyone else.
// -----------------------------------------------------------------------------------------------
const RACCROCHE_LOCALE_KEY = 'raccroche-webapps-locale';

function raccrocheLocale() {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'en' || requested === 'fr') {
      window.localStorage.setItem(RACCROCHE_LOCALE_KEY, requested);
    }
    return window.localStorage.getItem(RACCROCHE_LOCALE_KEY) === 'en' ? 'en' : 'fr';
  } catch (e) {
    return 'fr';
  }
}

const RACCROCHE_ENGLISH = raccrocheLocale() === 'en';

export default {
  // Raccroche: French by default, English on request (see above).
  locales: RACCROCHE_ENGLISH
    ? {availableLocales: ['en'], fallbackLocale: 'en'}
    : {availableLocales: ['fr'], fallbackLocale: 'fr'},
  // Raccroche: the end-of-life banner for administrators only (see above).
  customScripts: ['scripts/raccroche-eol-banner', 'scripts/raccroche-sign-in'],
  // // change the app name and vendor
  // app: {
  //   name: 'Operations',
  //   vendor: 'Company'
  // },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'cockpit' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `cockpit` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // historicActivityInstanceMetrics: {
  //   adjustablePeriod: true,
  //   //select from the default time period: day, week, month, complete
  //   period: {
  //     unit: 'week'
  //   }
  // },
  // runtimeActivityInstanceMetrics: {
  //   display: true
  // },
  // 'locales': {
  //   'availableLocales': ['en', 'de'],
  //   'fallbackLocale': 'en'
  // },
  // skipCustomListeners: {
  //   default: true,
  //   hidden: false
  // },
  // skipIoMappings: {
  //   default: true,
  //   hidden: false
  // },
  // cascade: {
  //   default: false
  // },
  // 'batchOperation' : {
  //   // select mode of query for process instances or decision instances
  //   // possible values: filter, search
  //   'mode': 'filter',
  //
  //   // select if Historic Batches should be loaded automatically when navigating to #/batch
  //   'autoLoadEnded': true
  // },
  // bpmnJs: {
  //   moddleExtensions: {
  //     // if you have a folder called 'my-custom-moddle' (in the 'cockpit' folder)
  //     // with a file called 'camunda.json' in it defining the 'camunda' moddle extension
  //     camunda: 'my-custom-moddle/camunda'
  //   },
  //   additionalModules: [
  //     // if you have a folder called 'my-custom-module' (in the 'cockpit' folder)
  //     // with a file called 'module.js' in it
  //     'my-custom-module/module'
  //   ],
  // },
  // defaultFilter: {
  //   historicProcessDefinitionInstancesSearch: {
  //     lastDays: 5,
  //     event: 'started'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // userOperationLogAnnotationLength: 5000,
  // previewHtml: true
};
