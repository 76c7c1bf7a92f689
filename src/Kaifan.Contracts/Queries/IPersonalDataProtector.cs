namespace Kaifan.Contracts.Queries;

/// <summary>Encrypts personal data at rest (AES-GCM with a key id) and gives a keyed hash for look-ups.</summary>
public interface IPersonalDataProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);

    string LookupHash(string normalizedValue);
}
