// A scripted tour of every Databases and TablesDB method Quire supports, through node-appwrite 27.1.0.
// Run by NodeSdkTourTest: ENDPOINT, PROJECT and KEY name a running Quire server. Exits non-zero on the
// first failed assertion, printing what failed.
'use strict';
const assert = require('node:assert/strict');
const sdk = require('node-appwrite');
const { Client, Databases, TablesDB, Query, Permission, Role, ID, AppwriteException } = sdk;

const { ENDPOINT, PROJECT, KEY } = process.env;
const client = (setup) => setup(new Client().setEndpoint(ENDPOINT).setProject(PROJECT));
const root = client((c) => c.setKey(KEY));
const guest = client((c) => c);

let steps = 0;
async function step(name, body) {
    try {
        await body();
        steps++;
    } catch (e) {
        console.error(`FAILED: ${name}`);
        console.error(e);
        process.exit(1);
    }
}

async function fails(call, type, code) {
    try {
        await call();
    } catch (e) {
        assert.ok(e instanceof AppwriteException, `expected an AppwriteException, got ${e}`);
        assert.equal(e.type, type, e.message);
        assert.equal(e.code, code, e.message);
        return e;
    }
    assert.fail(`expected ${type}/${code}, but the call succeeded`);
}

async function jwtFor(body) {
    const response = await fetch(`${ENDPOINT}/quire/jwt`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Appwrite-Project': PROJECT, 'X-Appwrite-Key': KEY },
        body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
    return (await response.json()).jwt;
}

async function databasesTour() {
    const db = new Databases(root);
    const DB = 'legacy';
    const C = 'movies';

    await step('databases: create, get, list, update', async () => {
        const created = await db.create({ databaseId: DB, name: 'Legacy' });
        assert.equal(created.$id, DB);
        assert.equal(created.enabled, true);
        assert.equal((await db.get({ databaseId: DB })).name, 'Legacy');
        const list = await db.list({ queries: [Query.equal('$id', DB)] });
        assert.equal(list.total, 1);
        assert.equal(list.databases[0].$id, DB);
        assert.equal((await db.update({ databaseId: DB, name: 'Old school' })).name, 'Old school');
        await fails(() => db.create({ databaseId: DB, name: 'Again' }), 'database_already_exists', 409);
        await fails(() => db.get({ databaseId: 'nope' }), 'database_not_found', 404);
    });

    await step('databases: collections', async () => {
        const created = await db.createCollection({
            databaseId: DB, collectionId: C, name: 'Movies',
            permissions: [Permission.create(Role.users())], documentSecurity: true,
        });
        assert.equal(created.documentSecurity, true);
        assert.deepEqual(created.attributes, []);
        assert.equal((await db.getCollection({ databaseId: DB, collectionId: C })).name, 'Movies');
        assert.equal((await db.listCollections({ databaseId: DB })).total, 1);
        const updated = await db.updateCollection({ databaseId: DB, collectionId: C, name: 'Films',
            permissions: [Permission.create(Role.users())], documentSecurity: true, enabled: true });
        assert.equal(updated.name, 'Films');
        await fails(() => db.createCollection({ databaseId: DB, collectionId: C, name: 'Again' }),
            'collection_already_exists', 409);
        await fails(() => db.getCollection({ databaseId: DB, collectionId: 'nope' }), 'collection_not_found', 404);
    });

    await step('databases: every attribute type, created and updated', async () => {
        const base = { databaseId: DB, collectionId: C };
        const title = await db.createStringAttribute({ ...base, key: 'title', size: 64, required: true });
        assert.equal(title.size, 64);
        assert.equal(title.status, 'available');
        await db.createIntegerAttribute({ ...base, key: 'year', required: false, min: 1900, max: 2100 });
        await db.createFloatAttribute({ ...base, key: 'rating', required: false, min: 0, max: 10 });
        await db.createBooleanAttribute({ ...base, key: 'seen', required: false, xdefault: false });
        await db.createEmailAttribute({ ...base, key: 'contact', required: false });
        await db.createUrlAttribute({ ...base, key: 'site', required: false });
        await db.createIpAttribute({ ...base, key: 'addr', required: false });
        const genre = await db.createEnumAttribute({ ...base, key: 'genre', elements: ['drama', 'comedy'], required: false });
        assert.deepEqual(genre.elements, ['drama', 'comedy']);
        assert.equal(genre.format, 'enum');
        await db.createDatetimeAttribute({ ...base, key: 'released', required: false });
        await db.createStringAttribute({ ...base, key: 'tags', size: 16, required: false, array: true });

        assert.equal((await db.updateStringAttribute({ ...base, key: 'title', required: true, xdefault: null, size: 128 })).size, 128);
        assert.equal((await db.updateIntegerAttribute({ ...base, key: 'year', required: false, xdefault: 2000, min: 1888 })).min, 1888);
        assert.equal((await db.updateFloatAttribute({ ...base, key: 'rating', required: false, xdefault: 5 })).default, 5);
        assert.equal((await db.updateBooleanAttribute({ ...base, key: 'seen', required: false, xdefault: true })).default, true);
        assert.equal((await db.updateEmailAttribute({ ...base, key: 'contact', required: false, xdefault: 'a@b.io' })).default, 'a@b.io');
        assert.equal((await db.updateUrlAttribute({ ...base, key: 'site', required: false, xdefault: null })).key, 'site');
        assert.equal((await db.updateIpAttribute({ ...base, key: 'addr', required: false, xdefault: null })).format, 'ip');
        assert.deepEqual((await db.updateEnumAttribute({ ...base, key: 'genre', elements: ['drama', 'comedy', 'horror'], required: false, xdefault: null })).elements,
            ['drama', 'comedy', 'horror']);
        assert.equal((await db.updateDatetimeAttribute({ ...base, key: 'released', required: false, xdefault: null })).type, 'datetime');

        assert.equal((await db.getAttribute({ ...base, key: 'year' })).type, 'integer');
        const list = await db.listAttributes({ ...base });
        assert.equal(list.total, 10);
        assert.equal(list.attributes[0].key, 'title');
        await fails(() => db.createStringAttribute({ ...base, key: 'title', size: 5, required: false }),
            'attribute_already_exists', 409);
        await fails(() => db.getAttribute({ ...base, key: 'nope' }), 'attribute_not_found', 404);
        await fails(() => db.createPointAttribute({ ...base, key: 'p', required: false }),
            'general_not_implemented', 405);
        await db.deleteAttribute({ ...base, key: 'tags' });
        assert.equal((await db.listAttributes({ ...base })).total, 9);
    });

    await step('databases: indexes', async () => {
        const base = { databaseId: DB, collectionId: C };
        const index = await db.createIndex({ ...base, key: 'by_year', type: sdk.DatabasesIndexType.Key,
            attributes: ['year'], orders: [sdk.OrderBy.Desc] });
        assert.deepEqual(index.attributes, ['year']);
        assert.equal((await db.getIndex({ ...base, key: 'by_year' })).type, 'key');
        assert.equal((await db.listIndexes({ ...base })).total, 1);
        await db.createIndex({ ...base, key: 'by_title', type: sdk.DatabasesIndexType.Unique, attributes: ['title'] });
        await fails(() => db.createIndex({ ...base, key: 'by_year', type: sdk.DatabasesIndexType.Key, attributes: ['rating'] }),
            'index_already_exists', 409);
        await db.deleteIndex({ ...base, key: 'by_title' });
        await fails(() => db.getIndex({ ...base, key: 'by_title' }), 'index_not_found', 404);
    });

    await step('databases: Appwrite 1.9 attribute types', async () => {
        const base = { databaseId: DB, collectionId: C };
        assert.equal((await db.createVarcharAttribute({ ...base, key: 'code', size: 8, required: false })).type, 'varchar');
        assert.equal((await db.createTextAttribute({ ...base, key: 'plot', required: false })).type, 'text');
        assert.equal((await db.createMediumtextAttribute({ ...base, key: 'script', required: false })).type, 'mediumtext');
        assert.equal((await db.createLongtextAttribute({ ...base, key: 'notes', required: false })).type, 'longtext');
        assert.equal((await db.createBigIntAttribute({ ...base, key: 'views', required: false })).type, 'bigint');
        assert.equal((await db.updateVarcharAttribute({ ...base, key: 'code', required: false, xdefault: null, size: 16 })).size, 16);
        assert.equal((await db.updateTextAttribute({ ...base, key: 'plot', required: false, xdefault: 'tbd' })).default, 'tbd');
        await db.updateMediumtextAttribute({ ...base, key: 'script', required: false, xdefault: null });
        await db.updateLongtextAttribute({ ...base, key: 'notes', required: false, xdefault: null });
        assert.equal(String((await db.updateBigIntAttribute({ ...base, key: 'views', required: false, xdefault: null, min: 0 })).min), '0');
        await fails(() => db.createVarcharAttribute({ ...base, key: 'huge', size: 20000, required: false }), 'general_argument_invalid', 400);
    });

    await step('databases: documents', async () => {
        const base = { databaseId: DB, collectionId: C };
        const anyone = [Permission.read(Role.any()), Permission.update(Role.any()), Permission.delete(Role.any())];
        const up = await db.createDocument({ ...base, documentId: 'up', permissions: anyone,
            data: { title: 'Up', year: 2009, rating: 8.3, genre: 'comedy', released: '2009-05-29T00:00:00.000+00:00' } });
        assert.equal(up.$id, 'up');
        assert.equal(up.$collectionId, C);
        assert.equal(up.$sequence, '1', 'format 1.9.5: $sequence is a string');
        assert.equal(up.seen, true, 'the default applies');
        assert.equal(up.released, '2009-05-29T00:00:00.000+00:00');
        const heat = await db.createDocument({ ...base, documentId: ID.unique(), data: { title: 'Heat', year: 1995 }, permissions: anyone });
        assert.equal(heat.$id.length, 20);
        await db.createDocument({ ...base, documentId: 'alien', data: { title: 'Alien', year: 1979 }, permissions: anyone });

        const selected = await db.getDocument({ ...base, documentId: 'up', queries: [Query.select(['title'])] });
        assert.equal(selected.title, 'Up');
        assert.equal(selected.year, undefined);
        const page = await db.listDocuments({ ...base, queries: [Query.greaterThan('year', 1980), Query.orderDesc('year'), Query.limit(1)] });
        assert.equal(page.total, 2);
        assert.deepEqual(page.documents.map((d) => d.title), ['Up']);
        const next = await db.listDocuments({ ...base, queries: [Query.greaterThan('year', 1980), Query.orderDesc('year'), Query.cursorAfter('up')] });
        assert.deepEqual(next.documents.map((d) => d.title), ['Heat']);
        const or = await db.listDocuments({ ...base, queries: [Query.or([Query.equal('title', 'Alien'), Query.between('year', 2000, 2010)]), Query.orderAsc('year')] });
        assert.deepEqual(or.documents.map((d) => d.title), ['Alien', 'Up']);
        const uncounted = await db.listDocuments({ ...base, total: false });
        assert.equal(uncounted.documents.length, 3);

        const updated = await db.updateDocument({ ...base, documentId: 'up', data: { rating: 9 } });
        assert.equal(updated.rating, 9);
        assert.equal(updated.title, 'Up');
        const upserted = await db.upsertDocument({ ...base, documentId: 'coco', data: { title: 'Coco', year: 2017 }, permissions: anyone });
        assert.equal(upserted.title, 'Coco');
        assert.equal((await db.upsertDocument({ ...base, documentId: 'coco', data: { title: 'Coco!', year: 2017 } })).title, 'Coco!');
        await db.deleteDocument({ ...base, documentId: 'coco' });

        await fails(() => db.getDocument({ ...base, documentId: 'coco' }), 'document_not_found', 404);
        await fails(() => db.createDocument({ ...base, documentId: 'up', data: { title: 'Again' } }), 'document_already_exists', 409);
        await fails(() => db.createDocument({ ...base, documentId: 'bad', data: { year: 1800 } }), 'document_invalid_structure', 400);
        await fails(() => db.updateDocument({ ...base, documentId: 'up' }), 'document_missing_payload', 400);
        await fails(() => db.listDocuments({ ...base, queries: ['{"method":"frobnicate","attribute":"year","values":[1]}'] }),
            'general_query_invalid', 400);
        await fails(() => db.listDocuments({ ...base, queries: [Query.equal('nope', 1)] }), 'general_query_invalid', 400);
        await fails(() => db.createDocuments({ ...base, documents: [{ $id: 'x', title: 'X' }] }), 'general_not_implemented', 405);
        await fails(() => db.getDocument({ ...base, documentId: 'up', transactionId: 'tx1' }), 'transaction_not_found', 404);
        assert.equal((await db.listDocuments({ ...base })).total, 3, 'the failed calls wrote nothing');
    });

    await step('databases: callers by JWT and guests', async () => {
        const base = { databaseId: DB, collectionId: C };
        const alice = new Databases(client((c) => c.setJWT(alice_jwt)));
        const mine = await alice.createDocument({ ...base, documentId: 'mine', data: { title: 'Mine' } });
        assert.ok(mine.$permissions.includes('read("user:alice")'), JSON.stringify(mine.$permissions));
        assert.equal((await alice.getDocument({ ...base, documentId: 'mine' })).title, 'Mine');
        const anonymous = new Databases(guest);
        await fails(() => anonymous.getDocument({ ...base, documentId: 'mine' }), 'document_not_found', 404);
        assert.equal((await anonymous.listDocuments({ ...base })).documents.some((d) => d.$id === 'mine'), false);
        await fails(() => anonymous.createDocument({ ...base, documentId: 'g', data: { title: 'G' } }), 'user_unauthorized', 401);
        await fails(() => anonymous.create({ databaseId: 'x', name: 'X' }), 'general_unauthorized_scope', 401);
        await fails(() => alice.listCollections({ databaseId: DB }), 'general_unauthorized_scope', 401);
        const forged = new Databases(client((c) => c.setJWT(alice_jwt.slice(0, -2) + 'xx')));
        await fails(() => forged.listDocuments({ ...base }), 'user_jwt_invalid', 401);
    });

    await step('databases: deletes', async () => {
        await db.deleteCollection({ databaseId: DB, collectionId: C });
        await fails(() => db.listDocuments({ databaseId: DB, collectionId: C }), 'collection_not_found', 404);
        await db.delete({ databaseId: DB });
        await fails(() => db.get({ databaseId: DB }), 'database_not_found', 404);
    });
}

async function tablesTour() {
    const t = new TablesDB(root);
    const DB = 'app';
    const T = 'movies';
    const base = { databaseId: DB, tableId: T };

    await step('tablesdb: databases', async () => {
        const created = await t.create({ databaseId: DB, name: 'App' });
        assert.equal(created.type, 'tablesdb');
        assert.equal((await t.get({ databaseId: DB })).name, 'App');
        assert.equal((await t.list({})).total, 1);
        assert.equal((await t.update({ databaseId: DB, name: 'The app' })).name, 'The app');
    });

    await step('tablesdb: tables', async () => {
        const table = await t.createTable({ ...base, name: 'Movies', permissions: [Permission.read(Role.any())], rowSecurity: true });
        assert.equal(table.rowSecurity, true);
        assert.deepEqual(table.columns, []);
        assert.equal((await t.getTable({ ...base })).name, 'Movies');
        const tables = await t.listTables({ databaseId: DB });
        assert.equal(tables.tables[0].$id, T);
        assert.equal((await t.updateTable({ ...base, name: 'Films' })).name, 'Films');
        await fails(() => t.createTable({ ...base, name: 'Again' }), 'table_already_exists', 409);
        await fails(() => t.getTable({ databaseId: DB, tableId: 'nope' }), 'table_not_found', 404);
    });

    await step('tablesdb: every column type, created and updated', async () => {
        await t.createStringColumn({ ...base, key: 'title', size: 64, required: true });
        await t.createIntegerColumn({ ...base, key: 'year', required: false });
        await t.createFloatColumn({ ...base, key: 'rating', required: false });
        await t.createBooleanColumn({ ...base, key: 'seen', required: false });
        await t.createEmailColumn({ ...base, key: 'contact', required: false });
        await t.createUrlColumn({ ...base, key: 'site', required: false });
        await t.createIpColumn({ ...base, key: 'addr', required: false });
        await t.createEnumColumn({ ...base, key: 'genre', elements: ['drama'], required: false });
        await t.createDatetimeColumn({ ...base, key: 'released', required: false });
        await t.createBooleanColumn({ ...base, key: 'gone', required: false });

        assert.equal((await t.updateStringColumn({ ...base, key: 'title', required: true, xdefault: null, size: 100 })).size, 100);
        assert.equal((await t.updateIntegerColumn({ ...base, key: 'year', required: false, xdefault: null, max: 2100 })).max, 2100);
        assert.equal((await t.updateFloatColumn({ ...base, key: 'rating', required: false, xdefault: null, min: 0 })).min, 0);
        assert.equal((await t.updateBooleanColumn({ ...base, key: 'seen', required: false, xdefault: false })).default, false);
        await t.updateEmailColumn({ ...base, key: 'contact', required: false, xdefault: null });
        await t.updateUrlColumn({ ...base, key: 'site', required: false, xdefault: null });
        await t.updateIpColumn({ ...base, key: 'addr', required: false, xdefault: null });
        assert.deepEqual((await t.updateEnumColumn({ ...base, key: 'genre', elements: ['drama', 'comedy'], required: false, xdefault: null })).elements, ['drama', 'comedy']);
        assert.equal((await t.updateDatetimeColumn({ ...base, key: 'released', required: false, xdefault: null, newKey: 'premiere' })).key, 'premiere');

        assert.equal((await t.getColumn({ ...base, key: 'rating' })).type, 'double');
        const columns = await t.listColumns({ ...base });
        assert.equal(columns.total, 10);
        assert.equal(columns.columns.length, 10);
        await t.deleteColumn({ ...base, key: 'gone' });
        await fails(() => t.getColumn({ ...base, key: 'gone' }), 'column_not_found', 404);
        await fails(() => t.createBooleanColumn({ ...base, key: 'seen', required: false }), 'column_already_exists', 409);
        await fails(() => t.createPolygonColumn({ ...base, key: 'area', required: false }), 'general_not_implemented', 405);
    });

    await step('tablesdb: indexes', async () => {
        const index = await t.createIndex({ ...base, key: 'by_year', type: sdk.TablesDBIndexType.Key, columns: ['year'] });
        assert.deepEqual(index.columns, ['year']);
        assert.deepEqual((await t.getIndex({ ...base, key: 'by_year' })).columns, ['year']);
        assert.equal((await t.listIndexes({ ...base })).indexes.length, 1);
        assert.deepEqual((await t.getTable({ ...base })).indexes[0].columns, ['year']);
        await fails(() => t.createIndex({ ...base, key: 'by_year', type: sdk.TablesDBIndexType.Key, columns: ['title'] }),
            'column_index_already_exists', 409);
        await fails(() => t.createIndex({ ...base, key: 'x', type: sdk.TablesDBIndexType.Key, columns: ['nope'] }),
            'column_unknown', 400);
        await t.deleteIndex({ ...base, key: 'by_year' });
        await fails(() => t.getIndex({ ...base, key: 'by_year' }), 'column_index_not_found', 404);
    });

    await step('tablesdb: Appwrite 1.9 column types', async () => {
        assert.equal((await t.createVarcharColumn({ ...base, key: 'code', size: 8, required: false })).size, 8);
        await t.createTextColumn({ ...base, key: 'plot', required: false });
        await t.createMediumtextColumn({ ...base, key: 'script', required: false });
        await t.createLongtextColumn({ ...base, key: 'notes', required: false });
        await t.createBigIntColumn({ ...base, key: 'views', required: false });
        assert.equal((await t.updateVarcharColumn({ ...base, key: 'code', required: false, xdefault: null, size: 12 })).size, 12);
        await t.updateTextColumn({ ...base, key: 'plot', required: false, xdefault: null });
        await t.updateMediumtextColumn({ ...base, key: 'script', required: false, xdefault: null });
        await t.updateLongtextColumn({ ...base, key: 'notes', required: false, xdefault: null });
        await t.updateBigIntColumn({ ...base, key: 'views', required: false, xdefault: null, max: 9007199254740993n });
        const big = await t.createRow({ ...base, rowId: 'big', data: { title: 'Big', views: '9007199254740993', plot: 'p'.repeat(20000) } });
        assert.equal(String(big.views), '9007199254740993', 'a bigint keeps every digit through the SDK');
        assert.equal(big.plot.length, 20000);
        await t.deleteRow({ ...base, rowId: 'big' });
        await fails(() => t.createRow({ ...base, rowId: 'x', data: { title: 'X', code: 'much too long' } }), 'row_invalid_structure', 400);
    });

    await step('tablesdb: rows', async () => {
        const up = await t.createRow({ ...base, rowId: 'up', data: { title: 'Up', year: 2009, genre: 'comedy' } });
        assert.equal(up.$tableId, T);
        assert.equal(up.$collectionId, undefined);
        assert.equal(up.$sequence, '2', 'format 1.9.5: a string; the big row took 1');
        await t.createRow({ ...base, rowId: ID.unique(), data: { title: 'Heat', year: 1995 } });
        assert.equal((await t.getRow({ ...base, rowId: 'up' })).year, 2009);
        const rows = await t.listRows({ ...base, queries: [Query.lessThan('year', 2000)] });
        assert.equal(rows.total, 1);
        assert.equal(rows.rows[0].title, 'Heat');
        assert.equal((await t.updateRow({ ...base, rowId: 'up', data: { seen: true } })).seen, true);
        assert.equal((await t.upsertRow({ ...base, rowId: 'coco', data: { title: 'Coco' } })).title, 'Coco');
        await t.deleteRow({ ...base, rowId: 'coco' });
        await fails(() => t.getRow({ ...base, rowId: 'coco' }), 'row_not_found', 404);
        await fails(() => t.createRow({ ...base, rowId: 'up', data: { title: 'Up' } }), 'row_already_exists', 409);
        await fails(() => t.createRow({ ...base, rowId: 'bad', data: { title: 7 } }), 'row_invalid_structure', 400);
        await fails(() => t.incrementRowColumn({ ...base, rowId: 'up', column: 'year' }), 'general_not_implemented', 405);
        await fails(() => t.listRows({ databaseId: DB, tableId: 'nope' }), 'table_not_found', 404);
        const anonymous = new TablesDB(guest);
        assert.equal((await anonymous.listRows({ ...base })).total, 2, 'the table grants read to any');
        await fails(() => anonymous.createTable({ databaseId: DB, tableId: 'x', name: 'X' }), 'general_unauthorized_scope', 401);
    });

    await step('tablesdb: deletes', async () => {
        await t.deleteTable({ ...base });
        await fails(() => t.getTable({ ...base }), 'table_not_found', 404);
        await t.delete({ databaseId: DB });
        await fails(() => t.get({ databaseId: DB }), 'database_not_found', 404);
    });
}

let alice_jwt;
(async () => {
    const wrongProject = new Databases(new Client().setEndpoint(ENDPOINT).setProject('other').setKey(KEY));
    await step('the project is checked', () => fails(() => wrongProject.list({}), 'project_not_found', 404));
    alice_jwt = await jwtFor({ userId: 'alice', verified: true });
    await databasesTour();
    await tablesTour();
    console.log(`tour passed: ${steps} steps`);
})().catch((e) => {
    console.error(e);
    process.exit(1);
});
