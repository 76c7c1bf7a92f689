// The rider app's position: the browser's geolocation when granted, null otherwise (the app then asks for it by hand).
window.kaifanRider = {
  locate: () => new Promise(resolve => {
    if (!navigator.geolocation) { resolve(null); return; }
    navigator.geolocation.getCurrentPosition(
      p => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 4000, maximumAge: 5000 });
  })
};
