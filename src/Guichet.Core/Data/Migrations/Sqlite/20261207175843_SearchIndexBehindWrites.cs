using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexBehindWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index behind the writes (decision 0044): rows above a table's mark wait for
            // SearchBacklog's pass; the triggers keep what is under the mark exact.
            migrationBuilder.Sql("""
                CREATE TABLE SearchMarks (Name TEXT NOT NULL PRIMARY KEY, UpTo INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO SearchMarks (Name, UpTo) VALUES
                    ('Messages', IFNULL((SELECT MAX(Id) FROM Messages), 0)),
                    ('Cases', IFNULL((SELECT MAX(Id) FROM Cases), 0)),
                    ('Customers', IFNULL((SELECT MAX(Id) FROM Customers), 0));
                DROP TRIGGER Messages_search_ai; DROP TRIGGER Messages_search_ad; DROP TRIGGER Messages_search_au;
                CREATE TRIGGER Messages_search_ai AFTER INSERT ON Messages WHEN new.IsAutomatic = 0 AND new.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Messages') BEGIN
                    INSERT INTO MessageSearch(rowid, Body) VALUES (new.Id, new.Body);
                END;
                CREATE TRIGGER Messages_search_ad AFTER DELETE ON Messages WHEN old.IsAutomatic = 0 AND old.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Messages') BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Body) VALUES ('delete', old.Id, old.Body);
                END;
                CREATE TRIGGER Messages_search_au AFTER UPDATE OF Body ON Messages WHEN old.IsAutomatic = 0 AND old.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Messages') BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Body) VALUES ('delete', old.Id, old.Body);
                    INSERT INTO MessageSearch(rowid, Body) VALUES (new.Id, new.Body);
                END;
                DROP TRIGGER Cases_search_ai; DROP TRIGGER Cases_search_ad; DROP TRIGGER Cases_search_au;
                CREATE TRIGGER Cases_search_ai AFTER INSERT ON Cases WHEN new.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Cases') BEGIN
                    INSERT INTO CaseSearch(rowid, Subject) VALUES (new.Id, new.Subject);
                END;
                CREATE TRIGGER Cases_search_ad AFTER DELETE ON Cases WHEN old.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Cases') BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, Subject) VALUES ('delete', old.Id, old.Subject);
                END;
                CREATE TRIGGER Cases_search_au AFTER UPDATE OF Subject ON Cases WHEN old.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Cases') BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, Subject) VALUES ('delete', old.Id, old.Subject);
                    INSERT INTO CaseSearch(rowid, Subject) VALUES (new.Id, new.Subject);
                END;
                DROP TRIGGER Customers_search_ai; DROP TRIGGER Customers_search_ad; DROP TRIGGER Customers_search_au;
                CREATE TRIGGER Customers_search_ai AFTER INSERT ON Customers WHEN new.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Customers') BEGIN
                    INSERT INTO CustomerSearch(rowid, Name) VALUES (new.Id, new.Name);
                END;
                CREATE TRIGGER Customers_search_ad AFTER DELETE ON Customers WHEN old.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Customers') BEGIN
                    INSERT INTO CustomerSearch(CustomerSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                END;
                CREATE TRIGGER Customers_search_au AFTER UPDATE OF Name ON Customers WHEN old.Id <= (SELECT UpTo FROM SearchMarks WHERE Name = 'Customers') BEGIN
                    INSERT INTO CustomerSearch(CustomerSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                    INSERT INTO CustomerSearch(rowid, Name) VALUES (new.Id, new.Name);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // What waits above the marks is indexed first: the triggers of before index every row.
            migrationBuilder.Sql("""
                INSERT INTO MessageSearch(rowid, Body) SELECT Id, Body FROM Messages WHERE IsAutomatic = 0 AND Id > (SELECT UpTo FROM SearchMarks WHERE Name = 'Messages');
                INSERT INTO CaseSearch(rowid, Subject) SELECT Id, Subject FROM Cases WHERE Id > (SELECT UpTo FROM SearchMarks WHERE Name = 'Cases');
                INSERT INTO CustomerSearch(rowid, Name) SELECT Id, Name FROM Customers WHERE Id > (SELECT UpTo FROM SearchMarks WHERE Name = 'Customers');
                DROP TRIGGER Messages_search_ai; DROP TRIGGER Messages_search_ad; DROP TRIGGER Messages_search_au;
                CREATE TRIGGER Messages_search_ai AFTER INSERT ON Messages WHEN new.IsAutomatic = 0 BEGIN
                    INSERT INTO MessageSearch(rowid, Body) VALUES (new.Id, new.Body);
                END;
                CREATE TRIGGER Messages_search_ad AFTER DELETE ON Messages WHEN old.IsAutomatic = 0 BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Body) VALUES ('delete', old.Id, old.Body);
                END;
                CREATE TRIGGER Messages_search_au AFTER UPDATE OF Body ON Messages WHEN old.IsAutomatic = 0 BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, Body) VALUES ('delete', old.Id, old.Body);
                    INSERT INTO MessageSearch(rowid, Body) VALUES (new.Id, new.Body);
                END;
                DROP TRIGGER Cases_search_ai; DROP TRIGGER Cases_search_ad; DROP TRIGGER Cases_search_au;
                CREATE TRIGGER Cases_search_ai AFTER INSERT ON Cases BEGIN
                    INSERT INTO CaseSearch(rowid, Subject) VALUES (new.Id, new.Subject);
                END;
                CREATE TRIGGER Cases_search_ad AFTER DELETE ON Cases BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, Subject) VALUES ('delete', old.Id, old.Subject);
                END;
                CREATE TRIGGER Cases_search_au AFTER UPDATE OF Subject ON Cases BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, Subject) VALUES ('delete', old.Id, old.Subject);
                    INSERT INTO CaseSearch(rowid, Subject) VALUES (new.Id, new.Subject);
                END;
                DROP TRIGGER Customers_search_ai; DROP TRIGGER Customers_search_ad; DROP TRIGGER Customers_search_au;
                CREATE TRIGGER Customers_search_ai AFTER INSERT ON Customers BEGIN
                    INSERT INTO CustomerSearch(rowid, Name) VALUES (new.Id, new.Name);
                END;
                CREATE TRIGGER Customers_search_ad AFTER DELETE ON Customers BEGIN
                    INSERT INTO CustomerSearch(CustomerSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                END;
                CREATE TRIGGER Customers_search_au AFTER UPDATE OF Name ON Customers BEGIN
                    INSERT INTO CustomerSearch(CustomerSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                    INSERT INTO CustomerSearch(rowid, Name) VALUES (new.Id, new.Name);
                END;
                DROP TABLE SearchMarks;
                """);
        }
    }
}
